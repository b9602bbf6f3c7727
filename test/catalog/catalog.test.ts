import { describe, expect, it } from "vitest";
import { prisma } from "../helpers/database.js";
import { type CatalogPreset, loadCatalog, readCatalog } from "../../src/catalog/load.js";
import { graphql } from "../gql/index.js";
import { connector, team } from "../helpers/fixtures.js";
import { ok } from "../helpers/graphql.js";
import { startServer } from "../helpers/server.js";

const ShippedCatalog = graphql(`
  query ShippedCatalog {
    presets(first: 100) {
      totalCount
      edges { node { id slug name mcpUrl configSchema enabled tools { type requiresConfirmation } } }
    }
  }
`);
const PresetBySlug = graphql(`
  query CatalogPresetBySlug($slug: String!) {
    preset(slug: $slug) { id slug description tools { id name description type requiresConfirmation } }
  }
`);

const SLUGS = [
  "github", "slack", "zendesk", "notion", "jira", "linear",
  "clickup", "google-drive", "shopify", "stripe", "freshdesk", "microsoft-teams",
];

async function snapshot() {
  const presets = await prisma.preset.findMany({ include: { tools: true }, orderBy: { slug: "asc" } });
  return presets.map((p) => ({ id: p.id, slug: p.slug, tools: p.tools.map((t) => `${t.id}:${t.name}`).sort() }));
}

describe("the preset catalog", async () => {
  const server = await startServer({ catalog: "shipped" });

  it("ships the twelve services, each with tools that read and tools that write", async () => {
    const t = await team();
    const { presets } = ok(await server.as(t.bob.key).run(ShippedCatalog));
    const bySlug = new Map(presets.edges.map((e) => [e.node.slug, e.node]));
    expect(presets.totalCount).toBeGreaterThanOrEqual(12);
    expect([...bySlug.keys()]).toEqual(expect.arrayContaining(SLUGS));
    for (const p of bySlug.values()) {
      expect(p.mcpUrl, p.slug).toMatch(/^https:\/\//);
      expect(p.configSchema, p.slug).toMatchObject({ type: "object" });
      expect(p.enabled, p.slug).toBe(true);
      expect(p.tools.length, p.slug).toBeGreaterThanOrEqual(3);
      expect(p.tools.some((tool) => tool.type === "READ"), p.slug).toBe(true);
      expect(p.tools.some((tool) => tool.type === "WRITE"), p.slug).toBe(true);
      for (const tool of p.tools) expect(tool.requiresConfirmation, p.slug).toBe(tool.type === "WRITE");
    }
  });

  it("answers preset(slug) with the preset, and null for an unknown slug", async () => {
    const t = await team();
    const client = server.as(t.bob.key);
    expect(ok(await client.run(PresetBySlug, { slug: "zendesk" })).preset?.slug).toBe("zendesk");
    expect(ok(await client.run(PresetBySlug, { slug: "no-such-service" })).preset).toBeNull();
  });

  it("loads the catalog again without changing ids or counts", async () => {
    const before = await snapshot();
    await loadCatalog(prisma, await readCatalog());
    await loadCatalog(prisma, await readCatalog());
    expect(await snapshot()).toEqual(before);
  });

  it("applies a changed catalog: descriptions updated, tools removed and renamed, connectors keep their copies", async () => {
    const tool = (name: string, type: "READ" | "WRITE", description = `${name} does its job`) =>
      ({ name, label: name, description, type, requiresConfirmation: type === "WRITE" }) as const;
    const v1: CatalogPreset = {
      slug: "acme-desk", name: "Acme Desk", description: "Version one", mcpUrl: "https://mcp.acme.test/mcp",
      authType: "API_TOKEN", oauthScopes: [], configSchema: { type: "object" }, enabled: true,
      tools: [tool("acme_get", "READ"), tool("acme_list", "READ"), tool("acme_create", "WRITE")],
    };
    const v2: CatalogPreset = {
      ...v1,
      description: "Version two",
      tools: [tool("acme_get", "READ", "Gets one record"), tool("acme_create_record", "WRITE")],
    };
    await loadCatalog(prisma, [v1]);
    const t = await team();
    const client = server.as(t.bob.key);
    const first = ok(await client.run(PresetBySlug, { slug: "acme-desk" })).preset!;
    const installed = await connector(t.organizationId, { presetSlug: "acme-desk" });

    await loadCatalog(prisma, [v2]);
    const second = ok(await client.run(PresetBySlug, { slug: "acme-desk" })).preset!;
    expect(second.id).toBe(first.id);
    expect(second.description).toBe("Version two");
    expect(second.tools.map((x) => [x.name, x.description, x.requiresConfirmation])).toEqual([
      ["acme_get", "Gets one record", false],
      ["acme_create_record", "acme_create_record does its job", true],
    ]);
    expect(second.tools[0].id).toBe(first.tools[0].id);
    const kept = await prisma.connectorTool.findMany({ where: { connectorId: installed.id }, orderBy: { position: "asc" } });
    expect(kept.map((x) => x.name)).toEqual(["acme_get", "acme_list", "acme_create"]);
  });
});
