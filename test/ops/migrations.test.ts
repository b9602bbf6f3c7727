import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { applyMigrations } from "../../src/db/migrate.js";
import { PrismaClient } from "../../src/generated/prisma/client.js";
import { PROJECT_ROOT } from "../../src/paths.js";

const base = process.env.TEST_DATABASE_URL;
const run = promisify(execFile);

async function freshDatabase(): Promise<string> {
  const name = `${process.env.PLUGBOARD_PG_PREFIX}mig_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base!);
  url.pathname = `/${name}`;
  return url.toString();
}

const prismaCli = (url: string, ...args: string[]) =>
  run(process.execPath, ["node_modules/prisma/build/index.js", ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: url },
  });

// The Prisma CLI through the driver adapter needs a PostgreSQL server; the PGlite run has none to give it.
describe.runIf(base)("migrations and the Prisma CLI", () => {
  it("agree both ways: the server's migrator and `prisma migrate deploy` record the same history", { timeout: 120_000 }, async () => {
    const byServer = await freshDatabase();
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: byServer }) });
    expect((await applyMigrations(client)).length).toBeGreaterThan(0);
    await client.$disconnect();
    const status = await prismaCli(byServer, "migrate", "status");
    expect(status.stdout).toMatch(/Database schema is up to date/);

    const byCli = await freshDatabase();
    const deploy = await prismaCli(byCli, "migrate", "deploy");
    expect(deploy.stdout).toMatch(/successfully applied|No pending migrations/);
    const after = new PrismaClient({ adapter: new PrismaPg({ connectionString: byCli }) });
    expect(await applyMigrations(after)).toEqual([]);
    await after.$disconnect();
  });
});
