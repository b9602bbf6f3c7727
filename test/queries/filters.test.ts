import { describe, expect, it } from "vitest";
import { graphql } from "../gql/index.js";
import type { ConnectorFilter, PersonalConfigurationFilter } from "../gql/graphql.js";
import { connector, personalConfiguration, team } from "../helpers/fixtures.js";
import { ok } from "../helpers/graphql.js";
import { startServer } from "../helpers/server.js";

const FilteredConnectors = graphql(`
  query FilteredConnectors($filter: ConnectorFilter) {
    connectors(first: 100, filter: $filter) { totalCount edges { node { name } } }
  }
`);
const FilteredPersonalConfigurations = graphql(`
  query FilteredPersonalConfigurations($filter: PersonalConfigurationFilter) {
    personalConfigurations(first: 100, filter: $filter) { totalCount edges { node { name } } }
  }
`);

describe("connector and personal configuration filters", async () => {
  const server = await startServer();

  async function fourConnectors() {
    const t = await team();
    const org = t.organizationId;
    await connector(org, {
      name: "Production GitHub", state: "CONNECTED",
      metadata: { env: "prod", owner: { team: "core" }, tier: 1 },
    });
    await connector(org, { presetSlug: "slack", name: "Sandbox Slack", state: "AUTH_FAILED", isActive: false, metadata: { env: "dev" } });
    await connector(org, {
      presetSlug: "zendesk", name: "Support desk", scope: "PERSONAL", createdById: t.alice.userId,
      metadata: { env: "prod", owner: { team: "support" } },
    });
    await connector(org, { presetSlug: null, name: "Internal tools", state: "ERROR" });
    await connector(org, { name: "Bob's own GitHub", scope: "PERSONAL", createdById: t.bob.userId, metadata: { env: "prod" } });
    return server.as(t.alice.key);
  }

  const connectorCases: [string, ConnectorFilter, string[]][] = [
    ["no condition", {}, ["Internal tools", "Production GitHub", "Sandbox Slack", "Support desk"]],
    ["state: any of a list", { state: ["CONNECTED", "ERROR"] }, ["Internal tools", "Production GitHub"]],
    ["type: any of a list", { type: ["slack", "mcp"] }, ["Internal tools", "Sandbox Slack"]],
    ["scope PERSONAL", { scope: "PERSONAL" }, ["Support desk"]],
    ["scope TEAM", { scope: "TEAM" }, ["Internal tools", "Production GitHub", "Sandbox Slack"]],
    ["isActive false", { isActive: false }, ["Sandbox Slack"]],
    ["isActive true", { isActive: true }, ["Internal tools", "Production GitHub", "Support desk"]],
    ["search on the name, any case", { search: "gitHUB" }, ["Production GitHub"]],
    ["search on the type only", { search: "ZENDESK" }, ["Support desk"]],
    ["search for a custom server's type", { search: "mcp" }, ["Internal tools"]],
    ["search that matches nothing", { search: "nothing like it" }, []],
    ["metadata: one key", { metadata: { env: "prod" } }, ["Production GitHub", "Support desk"]],
    ["metadata: a number", { metadata: { tier: 1 } }, ["Production GitHub"]],
    ["metadata: a nested value", { metadata: { owner: { team: "core" } } }, ["Production GitHub"]],
    ["metadata: every key must match", { metadata: { env: "prod", owner: { team: "support" } } }, ["Support desk"]],
    ["metadata: a value that differs", { metadata: { env: "staging" } }, []],
    ["metadata: a nested value that differs", { metadata: { owner: { team: "nobody" } } }, []],
    ["metadata: a key nobody has", { metadata: { region: "eu" } }, []],
    ["scope, activity and metadata together", { scope: "TEAM", isActive: true, metadata: { env: "prod" } }, ["Production GitHub"]],
    ["type and state together", { type: ["github", "zendesk"], state: ["CREATED"] }, ["Support desk"]],
    ["state and search that exclude each other", { state: ["CONNECTED"], search: "slack" }, []],
  ];

  it.each(connectorCases)("filters connectors by %s", async (_label, filter, expected) => {
    const client = await fourConnectors();
    const { connectors } = ok(await client.run(FilteredConnectors, { filter }));
    expect(connectors.edges.map((e) => e.node.name).sort()).toEqual(expected);
    expect(connectors.totalCount).toBe(expected.length);
  });

  it("searches for %, _ and \\ literally", async () => {
    const t = await team();
    for (const name of ["50% off", "5000 off", "a_b", "axb", "C:\\tools", "C:tools"]) {
      await connector(t.organizationId, { presetSlug: null, name });
    }
    const search = async (text: string) =>
      ok(await server.as(t.alice.key).run(FilteredConnectors, { filter: { search: text } })).connectors.edges.map(
        (e) => e.node.name,
      );
    expect(await search("50%")).toEqual(["50% off"]);
    expect(await search("A_B")).toEqual(["a_b"]);
    expect(await search("c:\\")).toEqual(["C:\\tools"]);
    expect(await search("%")).toEqual(["50% off"]);
  });

  async function threeConfigurations() {
    const t = await team();
    const userId = t.alice.userId;
    await personalConfiguration(t.organizationId, {
      userId, name: "work github", healthStatus: "HEALTHY", metadata: { env: "prod", labels: { a: 1 } },
    });
    await personalConfiguration(t.organizationId, {
      userId, presetSlug: "slack", name: "work slack", healthStatus: "UNHEALTHY", metadata: { env: "dev" },
    });
    await personalConfiguration(t.organizationId, { userId, name: "old github", enabled: false });
    await personalConfiguration(t.organizationId, { userId: t.bob.userId, name: "bob's github", healthStatus: "HEALTHY" });
    return server.as(t.alice.key);
  }

  const configurationCases: [string, PersonalConfigurationFilter, string[]][] = [
    ["no condition", {}, ["old github", "work github", "work slack"]],
    ["presetSlug", { presetSlug: "github" }, ["old github", "work github"]],
    ["an unknown presetSlug", { presetSlug: "nope" }, []],
    ["enabled false", { enabled: false }, ["old github"]],
    ["healthStatus: any of a list", { healthStatus: ["HEALTHY", "UNHEALTHY"] }, ["work github", "work slack"]],
    ["healthStatus UNKNOWN", { healthStatus: ["UNKNOWN"] }, ["old github"]],
    ["metadata: one key", { metadata: { env: "prod" } }, ["work github"]],
    ["metadata: a nested value", { metadata: { labels: { a: 1 } } }, ["work github"]],
    ["metadata: a value that differs", { metadata: { env: "qa" } }, []],
    ["presetSlug and enabled together", { presetSlug: "github", enabled: true }, ["work github"]],
  ];

  it.each(configurationCases)("filters personal configurations by %s", async (_label, filter, expected) => {
    const client = await threeConfigurations();
    const { personalConfigurations } = ok(await client.run(FilteredPersonalConfigurations, { filter }));
    expect(personalConfigurations.edges.map((e) => e.node.name).sort()).toEqual(expected);
    expect(personalConfigurations.totalCount).toBe(expected.length);
  });
});
