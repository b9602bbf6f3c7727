import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, type Db, openDatabase } from "../../src/db/client.js";

/**
 * This test file's database (each file runs in its own process). Test code may hold it in a module
 * binding; the server code under test receives it through its services.
 */
export let prisma: Db = undefined as unknown as Db;
let database: Database | null = null;
/** This file's PostgreSQL database, for a test that needs its own connection to it; null on PGlite. */
export let databaseUrl: string | null = null;

/** Observes every SQL statement of this file's database, with its parameters (a JSON array). */
export const onQuery = (listener: (sql: string, params: string) => void) => database!.onQuery(listener);

/** A fresh database for one test file, copied from the run's migrated template. */
export async function openTestDatabase(): Promise<() => Promise<void>> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    database = await openDatabase({ kind: "memory" }, { memoryTemplate: process.env.PLUGBOARD_PGLITE_TEMPLATE });
    prisma = database.db;
    return () => database!.close();
  }
  const name = `${process.env.PLUGBOARD_PG_PREFIX}${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.PLUGBOARD_PG_TEMPLATE}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  const opened = await openDatabase({ kind: "postgres", url: databaseUrl }, { poolSize: 5 });
  database = opened;
  prisma = opened.db;
  return async () => {
    await opened.close();
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
}
