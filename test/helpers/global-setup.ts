import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { applyMigrations } from "../../src/db/migrate.js";
import { PGLITE_EXTENSIONS } from "../../src/db/pglite-extensions.js";
import { PrismaClient } from "../../src/generated/prisma/client.js";

/**
 * Migrates one template database per run; every test file then starts from a copy of it:
 * a PGlite data-dir dump (default) or a PostgreSQL template database (TEST_DATABASE_URL). A new
 * PGlite costs seconds of initdb; a copy of the dump half a second.
 */
export default async function setup() {
  const dir = await mkdtemp(join(tmpdir(), "plugboard-test-"));
  process.env.PLUGBOARD_TEST_TMP = dir;
  // the PGlite template also seeds the data directories of the process tests (test/ops), in both runs
  const pglite = new PGlite({ extensions: PGLITE_EXTENSIONS });
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) as never });
  await applyMigrations(prisma);
  await prisma.$disconnect();
  const file = join(dir, "template.tar");
  await writeFile(file, Buffer.from(await (await pglite.dumpDataDir("none")).arrayBuffer()));
  await pglite.close();
  process.env.PLUGBOARD_PGLITE_TEMPLATE = file;
  if (process.env.TEST_DATABASE_URL) {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    // every database of this run starts with its prefix, so teardown drops this run's and no other's
    const prefix = `plugboard_t_${process.pid}_`;
    process.env.PLUGBOARD_PG_PREFIX = prefix;
    const template = `${prefix}template`;
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    await admin.end();
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.pathname = `/${template}`;
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString() }) });
    await applyMigrations(prisma);
    await prisma.$disconnect();
    process.env.PLUGBOARD_PG_TEMPLATE = template;
    return async () => {
      const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await c.connect();
      const { rows } = await c.query("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [prefix]);
      for (const r of rows) await c.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
      await c.end();
      await rm(dir, { recursive: true, force: true });
    };
  }
  return () => rm(dir, { recursive: true, force: true });
}
