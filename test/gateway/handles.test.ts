import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { describe, expect, it } from "vitest";
import { firstFree, handleBase } from "../../src/connectors/handle.js";
import { applyMigrations } from "../../src/db/migrate.js";
import { newId } from "../../src/db/ids.js";
import { PrismaClient } from "../../src/generated/prisma/client.js";
import { MIGRATIONS_DIR } from "../../src/paths.js";
import { connectors } from "../connectors/api.js";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";

const HANDLES = "20261210120000_mcp_gateway";

describe("connector handles", () => {
  it("are made from the name: lower-case letters and digits joined by '-', at most 24 characters", () => {
    expect(handleBase("Zendesk Prod")).toBe("zendesk-prod");
    expect(handleBase("  Café über—Support  ")).toBe("cafe-uber-support");
    expect(handleBase("GitHub (acme/web) #2")).toBe("github-acme-web-2");
    expect(handleBase("A very long connector name indeed")).toBe("a-very-long-connector-na");
    expect(handleBase("abcdefghijklmnopqrstuvw yz")).toBe("abcdefghijklmnopqrstuvw");
    expect(handleBase("***")).toBe("connector");
    expect(handleBase("snake_case__name")).toBe("snake-case-name"); // never the /mcp separator
    expect(firstFree("desk", new Set(["desk", "desk-2", "desk-4"]))).toBe("desk-3");
  });

  it("are unique in the organization however many connectors of one name are created at once", async () => {
    const server = await startServer();
    const { alice } = await team();
    const other = await team();
    const api = connectors(server.as(alice.key));
    const made = await Promise.all(Array.from({ length: 5 }, () => api.created({ url: "https://mcp.example.test/mcp", name: "Help Desk" })));
    const rows = await Promise.all(made.map((c) => server.app.services.db.connector.findUniqueOrThrow({ where: { id: c.id } })));
    expect(new Set(rows.map((r) => r.handle))).toEqual(new Set(["help-desk", "help-desk-2", "help-desk-3", "help-desk-4", "help-desk-5"]));
    const elsewhere = await connectors(server.as(other.alice.key)).created({ url: "https://mcp.example.test/mcp", name: "Help Desk" });
    expect((await server.app.services.db.connector.findUniqueOrThrow({ where: { id: elsewhere.id } })).handle).toBe("help-desk");
  });

  it("are backfilled by the migration for the connectors that existed before it, unique per organization", { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), "plugboard-handles-"));
    const pglite = new PGlite();
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) as never });
    try {
      for (const name of (await readdir(MIGRATIONS_DIR)).filter((n) => n < HANDLES)) await cp(join(MIGRATIONS_DIR, name), join(dir, name), { recursive: true });
      await applyMigrations(prisma, dir);
      const [org1, org2] = [newId("org"), newId("org")];
      for (const [id, slug] of [[org1, "one"], [org2, "two"]]) await prisma.$executeRawUnsafe(`INSERT INTO "Organization" (id, slug, name, "updatedAt") VALUES ($1, $2, $2, now())`, id, slug);
      const rows: [string, string, string][] = [
        [org1, "Zendesk Prod", "2026-01-01"],
        [org1, "zendesk  PROD", "2026-01-02"],
        [org1, "zendesk-prod 2", "2026-01-03"],
        [org1, "!!!", "2026-01-04"],
        [org1, "Café", "2026-01-05"],
        [org2, "Zendesk Prod", "2026-01-06"],
      ];
      const ids: string[] = [];
      for (const [org, name, at] of rows) {
        const id = newId("conn");
        ids.push(id);
        await prisma.$executeRawUnsafe(
          `INSERT INTO "Connector" (id, "organizationId", type, name, url, scope, "authType", "createdAt", "updatedAt") VALUES ($1, $2, 'mcp', $3, 'https://x.test/mcp', 'TEAM', 'NONE', $4::timestamp, now())`,
          id,
          org,
          name,
          at,
        );
      }
      await cp(join(MIGRATIONS_DIR, HANDLES), join(dir, HANDLES), { recursive: true });
      expect(await applyMigrations(prisma, dir)).toEqual([HANDLES]);
      const handles = await Promise.all(ids.map(async (id) => (await prisma.connector.findUniqueOrThrow({ where: { id } })).handle));
      // the third's own name spells the second's suffixed handle: it gets its id's last characters
      expect(handles).toEqual(["zendesk-prod", "zendesk-prod-2", `zendesk-prod-2-${ids[2].slice(-6)}`, "connector", "caf", "zendesk-prod"]);
    } finally {
      await prisma.$disconnect();
      await pglite.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
