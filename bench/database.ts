import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "../src/db/client.js";

/** In-memory PGlite, or given a PostgreSQL URL a scratch database on that server, made now and dropped by close. */
export async function scratchDatabase(base: string | undefined = process.env.TEST_DATABASE_URL): Promise<Database & { url?: string }> {
  if (!base) return openDatabase({ kind: "memory" });
  const name = `plugboard_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: "postgres", url: url.toString() }, { poolSize: 10 });
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export const databaseName = () => (process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite (memory)");
