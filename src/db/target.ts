import { resolve } from "node:path";

/** Where the data lives, decided once from DATABASE_URL. */
export type DatabaseTarget =
  | { kind: "pglite"; dataDir: string }
  | { kind: "memory" }
  | { kind: "postgres"; url: string };

export function databaseTarget(url: string | undefined, dataDir = "./data"): DatabaseTarget {
  if (!url) return { kind: "pglite", dataDir: resolve(dataDir, "pglite") };
  if (url === "memory://") return { kind: "memory" };
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return { kind: "postgres", url };
  if (url.startsWith("file:")) return { kind: "pglite", dataDir: resolve(url.slice("file:".length)) };
  throw new Error(`DATABASE_URL must be postgres://…, memory:// or file:<dir> (got ${url.split(":")[0]}:…)`);
}

export function describeTarget(t: DatabaseTarget): string {
  if (t.kind === "pglite") return `embedded PGlite in ${t.dataDir}`;
  if (t.kind === "memory") return "embedded PGlite in memory";
  const u = new URL(t.url);
  return `PostgreSQL at ${u.hostname}:${u.port || 5432}${u.pathname}`;
}
