import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.js";
import { applyMigrations } from "./migrate.js";
import { createPool } from "./pg-pool.js";
import { lockDataDir } from "./pglite-lock.js";
import type { DatabaseTarget } from "./target.js";

/**
 * The one Prisma client of this process. Resolvers and services import it; it is never put on the
 * GraphQL context. `openDatabase` sets it before anything is served.
 */
export let prisma: PrismaClient = undefined as unknown as PrismaClient;

interface QueryEvents {
  $on(event: "query", listener: (e: { query: string }) => void): void;
}
type QueryListener = (sql: string) => void;
const queryListeners = new Set<QueryListener>();
/** Observes every SQL statement (the N+1 tests and the benchmark count them). */
export function onQuery(listener: QueryListener): () => void {
  queryListeners.add(listener);
  return () => queryListeners.delete(listener);
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

export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<() => Promise<void>> {
  let release = async () => {};
  let adapter: PrismaPGlite | PrismaPg;
  if (target.kind === "postgres") {
    const pool = createPool(target.url, { max: options.poolSize ?? 10, onIdleError: options.onIdleError });
    adapter = new PrismaPg(pool);
    release = () => pool.end();
  } else {
    let unlock = () => {};
    let pglite: PGlite;
    if (target.kind === "pglite") {
      unlock = lockDataDir(target.dataDir, options.purpose ?? "Plugboard");
      pglite = new PGlite(target.dataDir);
    } else if (options.memoryTemplate) {
      pglite = new PGlite({ loadDataDir: new Blob([await readFile(options.memoryTemplate)]) });
    } else {
      pglite = new PGlite();
    }
    await pglite.waitReady;
    adapter = new PrismaPGlite(pglite);
    release = async () => {
      await pglite.close();
      unlock();
    };
  }
  const client = new PrismaClient({ adapter: adapter as never, log: [{ emit: "event", level: "query" }] });
  (client as unknown as QueryEvents).$on("query", (e) => {
    for (const l of queryListeners) l(e.query);
  });
  await applyMigrations(client);
  prisma = client;
  return async () => {
    await client.$disconnect();
    await release();
  };
}
