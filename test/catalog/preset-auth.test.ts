import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "../helpers/database.js";
import { type CatalogPreset, loadCatalog, readCatalog } from "../../src/catalog/load.js";
import { openTestDatabase } from "../helpers/database.js";

const preset = (auth?: CatalogPreset["auth"]): CatalogPreset => ({
  slug: "keyed-desk", name: "Keyed Desk", mcpUrl: "https://mcp.keyed.test/mcp", authType: "API_TOKEN", oauthScopes: [], enabled: true,
  tools: [{ name: "keyed_get", label: "Get", description: "Gets one", type: "READ", requiresConfirmation: false }],
  ...(auth === undefined ? {} : { auth }),
});

describe("a preset's auth header template", async () => {
  afterAll(await openTestDatabase());

  it("is stored with the preset, and cleared when the catalog drops it", async () => {
    await loadCatalog(prisma, [preset({ header: "X-API-Key", template: "{token}" })]);
    expect((await prisma.preset.findUniqueOrThrow({ where: { slug: "keyed-desk" } })).auth).toEqual({ header: "X-API-Key", template: "{token}" });
    await loadCatalog(prisma, [preset()]);
    expect((await prisma.preset.findUniqueOrThrow({ where: { slug: "keyed-desk" } })).auth).toBeNull();
  });

  it("is validated when the catalog is read", async () => {
    const file = join(await mkdtemp(join(tmpdir(), "catalog-")), "presets.json");
    await writeFile(file, JSON.stringify([preset({ header: "X-API-Key", template: "no placeholder" })]));
    await expect(readCatalog(file)).rejects.toThrow(/must hold \{token\} exactly once/);
  });

  it("ships Jira on Atlassian's current endpoint", async () => {
    const jira = (await readCatalog()).find((p) => p.slug === "jira");
    expect(jira?.mcpUrl).toBe("https://mcp.atlassian.com/v1/mcp");
  });
});
