import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase } from "../../src/db/client.js";

/** A fresh database for one test file, copied from the run's migrated template. */
export async function openTestDatabase(): Promise<() => Promise<void>> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    return openDatabase({ kind: "memory" }, { memoryTemplate: process.env.PLUGBOARD_PGLITE_TEMPLATE });
  }
  const name = `${process.env.PLUGBOARD_PG_PREFIX}${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.PLUGBOARD_PG_TEMPLATE}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const close = await openDatabase({ kind: "postgres", url: url.toString() }, { poolSize: 5 });
  return async () => {
    await close();
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
}

/** The URL of this file's PostgreSQL database, for a second server instance (null on PGlite). */
export const usingPostgres = () => Boolean(process.env.TEST_DATABASE_URL);
