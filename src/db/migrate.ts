import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { PrismaClient } from "../generated/prisma/client.js";
import { MIGRATIONS_DIR } from "../paths.js";


/**
 * Applies prisma/migrations in-process, recording them in `_prisma_migrations` exactly as
 * `prisma migrate deploy` does (same table, same sha256 checksums), so either can follow the other.
 * In-process because in-memory PGlite is invisible to a CLI process, and because the CLI on PGlite
 * needs ~15 s of cold start that a server start should not pay.
 */
export async function applyMigrations(prisma: PrismaClient, dir: string = MIGRATIONS_DIR): Promise<string[]> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const applied: string[] = [];
  await prisma.$transaction(
    async (tx) => {
      // several instances starting at once on one PostgreSQL: one migrates, the others wait
      await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(72707369)");
      await tx.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
        "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL,
        "finished_at" TIMESTAMPTZ, "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT,
        "rolled_back_at" TIMESTAMPTZ, "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
        "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
      const done = await tx.$queryRawUnsafe<{ migration_name: string; checksum: string }[]>(
        `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      );
      const doneByName = new Map(done.map((d) => [d.migration_name, d.checksum]));
      for (const name of names) {
        const sql = await readFile(join(dir, name, "migration.sql"), "utf8");
        const checksum = createHash("sha256").update(sql).digest("hex");
        const previous = doneByName.get(name);
        if (previous !== undefined) {
          if (previous !== checksum) throw new Error(`migration ${name} was changed after it was applied`);
          continue;
        }
        for (const statement of splitStatements(sql)) await tx.$executeRawUnsafe(statement);
        await tx.$executeRawUnsafe(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, now(), 1)`,
          randomUUID(),
          checksum,
          name,
        );
        applied.push(name);
      }
    },
    { timeout: 120_000, maxWait: 120_000 },
  );
  return applied;
}

/** Prisma's generated migrations: statements end with `;` at the end of a line, no procedural bodies. */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*--.*$/gm, "").trim())
    .filter(Boolean);
}
