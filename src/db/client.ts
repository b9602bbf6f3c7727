import { readFile } from "node:fs/promises";
import type { PGlite } from "@electric-sql/pglite";
import type { PrismaPg } from "@prisma/adapter-pg";
import type { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.js";
import { applyMigrations } from "./migrate.js";
import { lockDataDir } from "./pglite-lock.js";
import type { DatabaseTarget } from "./target.js";

/** The Prisma client every service uses; the composition root opens it once and passes it down. */
export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

interface QueryEvents {
  $on(event: "query", listener: (e: { query: string; params: string }) => void): void;
}
/** the statement as sent, and its parameters as Prisma logs them (a JSON array) */
type QueryListener = (sql: string, params: string) => void;

export interface Database {
  db: Db;
  /** Observes every SQL statement of this database (the N+1 tests and the benchmark count them). */
  onQuery(listener: QueryListener): () => void;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** a PGlite data-dir dump to start an in-memory database from (tests start from a migrated one) */
  memoryTemplate?: string;
  /** who holds an embedded database, for the message a second process gets */
  purpose?: string;
  poolSize?: number;
  /** told when PostgreSQL ends an idle pooled connection (the pool reconnects by itself) */
  onIdleError?: (err: Error) => void;
}

export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<Database> {
  let release = async () => {};
  let adapter: PrismaPGlite | PrismaPg;
  // Each driver is loaded only when it is the one in use: a server on PostgreSQL never holds
  // PGlite's code in memory, nor an embedded one pg's.
  if (target.kind === "postgres") {
    const [{ createPool }, { pgAdapter }] = await Promise.all([import("./pg-pool.js"), import("./pg-adapter.js")]);
    const pool = createPool(target.url, { max: options.poolSize ?? 10, onIdleError: options.onIdleError });
    adapter = pgAdapter(pool);
    release = () => pool.end();
  } else {
    const [{ PGlite }, { pgliteAdapter }, { PGLITE_EXTENSIONS: extensions }] = await Promise.all([
      import("@electric-sql/pglite"),
      import("./pglite-adapter.js"),
      import("./pglite-extensions.js"),
    ]);
    let unlock = () => {};
    let pglite: PGlite;
    if (target.kind === "pglite") {
      unlock = lockDataDir(target.dataDir, options.purpose ?? "Plugboard");
      pglite = new PGlite(target.dataDir, { extensions });
    } else if (options.memoryTemplate) {
      pglite = new PGlite({ loadDataDir: new Blob([await readFile(options.memoryTemplate)]), extensions });
    } else {
      pglite = new PGlite({ extensions });
    }
    await pglite.waitReady;
    adapter = pgliteAdapter(pglite);
    release = async () => {
      await pglite.close();
      unlock();
    };
  }
  const client = new PrismaClient({
    adapter: adapter as never,
    log: [{ emit: "event", level: "query" }],
    // Prisma's defaults (wait 2 s for a pooled connection, 5 s per transaction) fail a write when many
    // writers queue for a small pool on a busy machine; a slow write is better than a lost one
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
  const listeners = new Set<QueryListener>();
  (client as unknown as QueryEvents).$on("query", (e) => {
    for (const l of listeners) l(e.query, e.params);
  });
  await applyMigrations(client);
  return {
    db: client,
    onQuery(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await client.$disconnect();
      await release();
    },
  };
}
