// The driver adapter that prisma.config.ts gives the Prisma CLI (migrate deploy, migrate dev).
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { createPool } from "./pg-pool.js";
import { PGLITE_EXTENSIONS } from "./pglite-extensions.js";
import { databaseTarget } from "./target.js";

import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

export async function cliAdapter(url: string | undefined): Promise<SqlMigrationAwareDriverAdapterFactory> {
  const target = databaseTarget(url, process.env.DATA_DIR);
  if (target.kind === "memory") throw new Error("memory:// has nothing to migrate: the server builds it at start");
  if (target.kind === "postgres") return new PrismaPg(createPool(target.url, { max: 2, forMigrations: true }));
  mkdirSync(target.dataDir, { recursive: true });
  // pglite-prisma-adapter 0.6 pins an older copy of the adapter types; the runtime protocol is the same
  return new PrismaPGlite(new PGlite(target.dataDir, { extensions: PGLITE_EXTENSIONS })) as unknown as SqlMigrationAwareDriverAdapterFactory;
}
