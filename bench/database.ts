import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "../src/db/client.js";

/** A new empty database on the PostgreSQL server at `base`, and the way to drop it. */
export async function scratchPostgres(base: string, prefix = "plugboard_bench"): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** In-memory PGlite, or given a PostgreSQL URL a scratch database on that server, made now and dropped by close. */
export async function scratchDatabase(base: string | undefined = process.env.TEST_DATABASE_URL): Promise<Database & { url?: string }> {
  if (!base) return openDatabase({ kind: "memory" });
  const scratch = await scratchPostgres(base);
  const database = await openDatabase({ kind: "postgres", url: scratch.url }, { poolSize: 10 });
  return {
    ...database,
    url: scratch.url,
    close: async () => {
      await database.close();
      await scratch.drop();
    },
  };
}
