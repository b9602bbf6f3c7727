import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../helpers/database.js";
import { newId } from "../../src/db/ids.js";
import { readCatalog } from "../../src/catalog/load.js";
import { graphql } from "../gql/index.js";
import type { PresetFilter } from "../gql/graphql.js";
import { team } from "../helpers/fixtures.js";
import { ok } from "../helpers/graphql.js";
import { startServer } from "../helpers/server.js";

const FilteredPresets = graphql(`
  query FilteredPresets($filter: PresetFilter) {
    presets(first: 100, filter: $filter) { totalCount edges { node { slug } } }
    connectorsWithStatus(filter: $filter) { slug }
  }
`);

describe("preset filters", async () => {
  const server = await startServer();
  const catalog = await readCatalog();
  const slugsWith = (types: string[]) => catalog.filter((p) => types.includes(p.authType)).map((p) => p.slug).sort();

  beforeAll(async () => {
    await prisma.preset.create({
      data: {
        id: newId("pset"), slug: "retired-service", name: "Retired service", mcpUrl: "https://retired.example.test/mcp",
        authType: "API_TOKEN", oauthScopes: [], enabled: false,
      },
    });
  });

  const cases: [string, PresetFilter, () => string[]][] = [
    ["search in the description, any case", { search: "HELPDESK" }, () => ["freshdesk"]],
    ["search in the name", { search: "Microsoft Teams" }, () => ["microsoft-teams"]],
    ["search in the slug", { search: "google-d" }, () => ["google-drive"]],
    ["search for a literal %", { search: "%" }, () => []],
    ["authType: any of a list", { authType: ["API_TOKEN", "BEARER"] }, () => [...slugsWith(["API_TOKEN", "BEARER"]), "retired-service"].sort()],
    ["authType and enabled", { authType: ["API_TOKEN", "BEARER"], enabled: true }, () => slugsWith(["API_TOKEN", "BEARER"])],
    ["enabled false", { enabled: false }, () => ["retired-service"]],
    ["enabled true", { enabled: true }, () => catalog.map((p) => p.slug).sort()],
    ["search and authType that agree", { search: "teams", authType: ["OAUTH_ADMIN_CONSENT"] }, () => ["microsoft-teams"]],
    ["search and authType that disagree", { search: "teams", authType: ["OAUTH"] }, () => []],
  ];

  it.each(cases)("filters presets and connectorsWithStatus by %s", async (_label, filter, expected) => {
    const t = await team();
    const data = ok(await server.as(t.bob.key).run(FilteredPresets, { filter }));
    expect(data.presets.edges.map((e) => e.node.slug).sort()).toEqual(expected());
    expect(data.presets.totalCount).toBe(expected().length);
    expect(data.connectorsWithStatus.map((p) => p.slug).sort()).toEqual(expected());
  });

  it("lists every preset, disabled ones included, without a filter", async () => {
    const t = await team();
    const data = ok(await server.as(t.bob.key).run(FilteredPresets, {}));
    expect(data.presets.totalCount).toBe(catalog.length + 1);
    expect(data.connectorsWithStatus).toHaveLength(catalog.length + 1);
  });
});
