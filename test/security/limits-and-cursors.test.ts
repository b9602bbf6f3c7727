import { describe, expect, it } from "vitest";
import { newId } from "../../src/db/ids.js";
import { FILTER_LIMITS } from "../../src/validation/filter-caps.js";
import { prisma } from "../helpers/database.js";
import { connector, connectorEvent, personalConfiguration, team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { subscribeSse } from "../helpers/subscriptions.js";
import { graphql } from "../gql/index.js";

// Issue 12, classes 4 (the caps) and 5: every filter is bounded, and a cursor is only ever a
// position among rows the viewer can see.

const cursorOf = (id: string) => Buffer.from(`GPC:S:${id}`).toString("base64");

async function toolCall(c: { id: string; organizationId: string; scope: "TEAM" | "PERSONAL" }) {
  return prisma.toolCall.create({
    data: { id: newId("call"), organizationId: c.organizationId, connectorId: c.id, scope: c.scope, toolName: "t", outcome: "OK", startedAt: new Date(), durationMs: 1 },
  });
}

const ConnectorEventsSse = graphql(`
  subscription CapsConnectorEvents($filter: ConnectorFilter) {
    connectorEvents(filter: $filter) {
      id
    }
  }
`);

// one server (and database) for the file: startServer closes the database after the describe that opened it
const server = await startServer();

describe("filter caps", async () => {
  const { alice } = await team();
  const client = server.as(alice.key);
  const many = (n: number, value: string) => Array.from({ length: n }, () => value);
  const metadata = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));

  const refused: [string, string, Record<string, unknown>][] = [
    ["state list of 20,000", "query($f: ConnectorFilter) { connectors(filter: $f) { totalCount } }", { f: { state: many(20_000, "CREATED") } }],
    ["state list of 100,000", "query($f: ConnectorFilter) { connectors(filter: $f) { totalCount } }", { f: { state: many(100_000, "CREATED") } }],
    ["type list over the cap", "query($f: ConnectorFilter) { connectors(filter: $f) { totalCount } }", { f: { type: many(FILTER_LIMITS.items + 1, "github") } }],
    ["a long type", "query($f: ConnectorFilter) { connectors(filter: $f) { totalCount } }", { f: { type: ["x".repeat(FILTER_LIMITS.text + 1)] } }],
    ["a 1 MB search", "query($f: ConnectorFilter) { connectors(filter: $f) { totalCount } }", { f: { search: "x".repeat(1_000_000) } }],
    ["a search over the cap", "query($f: ConnectorFilter) { connectors(filter: $f) { totalCount } }", { f: { search: "x".repeat(FILTER_LIMITS.text + 1) } }],
    ["10,000 metadata keys", "query($f: ConnectorFilter) { connectors(filter: $f) { totalCount } }", { f: { metadata: metadata(10_000) } }],
    ["metadata keys over the cap", "query($f: ConnectorFilter) { connectors(filter: $f) { totalCount } }", { f: { metadata: metadata(FILTER_LIMITS.metadataKeys + 1) } }],
    ["metadata bytes over the cap", "query($f: ConnectorFilter) { connectors(filter: $f) { totalCount } }", { f: { metadata: { k: "x".repeat(FILTER_LIMITS.metadataBytes) } } }],
    ["preset search", "query($f: PresetFilter) { presets(filter: $f) { totalCount } }", { f: { search: "x".repeat(FILTER_LIMITS.text + 1) } }],
    ["preset authType list", "query($f: PresetFilter) { presets(filter: $f) { totalCount } }", { f: { authType: many(FILTER_LIMITS.items + 1, "NONE") } }],
    ["connectorsWithStatus search", "query($f: PresetFilter) { connectorsWithStatus(filter: $f) { slug } }", { f: { search: "x".repeat(FILTER_LIMITS.text + 1) } }],
    ["personal presetSlug", "query($f: PersonalConfigurationFilter) { personalConfigurations(filter: $f) { totalCount } }", { f: { presetSlug: "x".repeat(FILTER_LIMITS.text + 1) } }],
    ["personal healthStatus", "query($f: PersonalConfigurationFilter) { personalConfigurations(filter: $f) { totalCount } }", { f: { healthStatus: many(FILTER_LIMITS.items + 1, "OK") } }],
    ["personal metadata", "query($f: PersonalConfigurationFilter) { personalConfigurations(filter: $f) { totalCount } }", { f: { metadata: metadata(FILTER_LIMITS.metadataKeys + 1) } }],
    ["available connectorIds", "query($f: AvailableToolFilter) { availableTools(filter: $f) { totalCount } }", { f: { connectorIds: many(FILTER_LIMITS.items + 1, "conn_000000000000000000000000") } }],
    ["available search", "query($f: AvailableToolFilter) { availableTools(filter: $f) { totalCount } }", { f: { search: "x".repeat(FILTER_LIMITS.text + 1) } }],
    ["toolCalls toolName", "query($f: ToolCallFilter) { connectors(first: 5) { nodes { toolCalls(filter: $f) { totalCount } } } }", { f: { toolName: "x".repeat(FILTER_LIMITS.text + 1) } }],
    ["toolCalls outcome", "query($f: ToolCallFilter) { connectors(first: 5) { nodes { toolCalls(filter: $f) { totalCount } } } }", { f: { outcome: many(FILTER_LIMITS.items + 1, "OK") } }],
  ];

  it("refuses every list and string over its cap with BAD_USER_INPUT", async () => {
    await connector(alice.organizationId); // so that a connector's toolCalls are resolved
    for (const [name, query, variables] of refused) {
      const res = await client.raw(query, variables);
      expect([name, res.status < 500, res.errors?.[0]?.extensions?.code]).toEqual([name, true, "BAD_USER_INPUT"]);
    }
  });

  it("accepts filters at their caps", async () => {
    const res = await client.raw("query($f: ConnectorFilter) { connectors(filter: $f) { totalCount } }", {
      f: { state: many(FILTER_LIMITS.items, "CREATED"), type: many(FILTER_LIMITS.items, "github"), search: "x".repeat(FILTER_LIMITS.text), metadata: metadata(FILTER_LIMITS.metadataKeys) },
    });
    expect(res.errors).toBeUndefined();
  });

  it("states the caps in the schema's descriptions", async () => {
    const res = await client.raw('{ __type(name: "ConnectorFilter") { description inputFields { name description } } }');
    const fields = Object.fromEntries(res.data.__type.inputFields.map((f: { name: string; description: string }) => [f.name, f.description]));
    expect(res.data.__type.description).toContain(`at most ${FILTER_LIMITS.items} values`);
    expect(fields.search).toContain(`at most ${FILTER_LIMITS.text} characters`);
    expect(fields.metadata).toContain(`at most ${FILTER_LIMITS.metadataKeys} keys`);
  });

  it("refuses an oversized filter of the connectorEvents subscription over SSE", async () => {
    const received = subscribeSse(server.url, alice.key, ConnectorEventsSse, { filter: { search: "x".repeat(FILTER_LIMITS.text + 1) } });
    const { errors } = await received.result();
    expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(errors?.[0]?.message).toContain(`at most ${FILTER_LIMITS.text} characters`);
  });
});

describe("cursors", async () => {
  const mine = await team();
  const theirs = await team();
  const client = server.as(mine.alice.key);
  const missing = (prefix: "conn" | "pconf" | "evt" | "call" | "tool") => `${prefix}_${"0".repeat(24)}`;

  const own = await Promise.all([1, 2, 3].map(() => connector(mine.organizationId, { state: "CONNECTED" })));
  const foreign = await connector(theirs.organizationId, { state: "CONNECTED" });
  const ownConfigs = await Promise.all([1, 2].map(() => personalConfiguration(mine.organizationId, { userId: mine.alice.userId })));
  const foreignConfig = await personalConfiguration(theirs.organizationId, { userId: theirs.alice.userId });
  for (const c of [...own, foreign]) for (let i = 0; i < 2; i++) await connectorEvent(c);
  const ownCalls = [await toolCall(own[0]), await toolCall(own[0])];
  const foreignCall = await toolCall(foreign);
  const foreignEvent = await prisma.connectorEvent.findFirstOrThrow({ where: { connectorId: foreign.id } });
  const otherOwnConnectorsEvent = await prisma.connectorEvent.findFirstOrThrow({ where: { connectorId: own[1].id } });

  // each connection: its query, where its ids come from, and the ids to try
  const connections = [
    { name: "connectors", query: "query($after: String) { connectors(first: 10, after: $after) { nodes { id } } }", pick: (d: any) => d.connectors.nodes, foreign: foreign.id, missing: missing("conn"), own: own[2].id },
    {
      name: "personalConfigurations",
      query: "query($after: String) { personalConfigurations(first: 10, after: $after) { nodes { id } } }",
      pick: (d: any) => d.personalConfigurations.nodes,
      foreign: foreignConfig.id,
      missing: missing("pconf"),
      own: ownConfigs[1].id,
    },
    {
      name: "Connector.events",
      query: `query($after: String) { connector(id: "${own[0].id}") { events(first: 10, after: $after) { nodes { id } } } }`,
      pick: (d: any) => d.connector.events.nodes,
      foreign: foreignEvent.id,
      // an event of another of the viewer's connectors is not a position in this connector's trail
      also: otherOwnConnectorsEvent.id,
      missing: missing("evt"),
      own: null as string | null,
    },
    {
      name: "Connector.toolCalls",
      query: `query($after: String) { connector(id: "${own[0].id}") { toolCalls(first: 10, after: $after) { nodes { id } } } }`,
      pick: (d: any) => d.connector.toolCalls.nodes,
      foreign: foreignCall.id,
      missing: missing("call"),
      own: null as string | null,
    },
  ];

  it("treats a cursor of another organization's row exactly like one of an id that does not exist", async () => {
    for (const c of connections) {
      const all = c.pick((await client.raw(c.query)).data);
      expect([c.name, all.length > 0]).toEqual([c.name, true]);
      const pages: Record<string, unknown> = {};
      for (const [label, id] of Object.entries({ foreign: c.foreign, missing: c.missing, ...(c.also ? { also: c.also } : {}) })) {
        const res = await client.raw(c.query, { after: cursorOf(id) });
        pages[label] = res.errors ?? c.pick(res.data);
      }
      expect([c.name, pages]).toEqual([c.name, Object.fromEntries(Object.keys(pages).map((k) => [k, []]))]);
      // the viewer's own cursor still pages
      const first = all[0].id as string;
      const after = c.pick((await client.raw(c.query, { after: cursorOf(first) })).data);
      expect([c.name, after.map((n: { id: string }) => n.id)]).toEqual([c.name, all.slice(1).map((n: { id: string }) => n.id)]);
    }
    expect(ownCalls).toHaveLength(2);
  });

  it("checks availableTools' and presets' cursors too", async () => {
    const tools = (await client.raw("{ availableTools(first: 100) { edges { cursor node { tool { name } } } } }")).data.availableTools.edges;
    expect(tools.length).toBeGreaterThan(1);
    const foreignTool = await prisma.connectorTool.findFirstOrThrow({ where: { connectorId: foreign.id } });
    const page = (after: string) => client.raw("query($after: String) { availableTools(first: 100, after: $after) { edges { cursor } } }", { after });
    expect((await page(cursorOf(foreignTool.id))).data.availableTools.edges).toEqual([]);
    expect((await page(cursorOf(missing("tool")))).data.availableTools.edges).toEqual([]);
    expect((await page(tools[0].cursor)).data.availableTools.edges).toHaveLength(tools.length - 1);
    const presets = (await client.raw("{ presets(first: 2) { edges { cursor } } }")).data.presets.edges;
    expect((await client.raw("query($a: String) { presets(first: 1, after: $a) { totalCount } }", { a: presets[0].cursor })).errors).toBeUndefined();
  });

  it('refuses a malformed cursor with BAD_USER_INPUT "invalid cursor" on every connection', async () => {
    const bad = [
      "zzz",
      "!!!",
      Buffer.from("GPC:N:5").toString("base64"),
      Buffer.from("GPC:D:2026-01-01T00:00:00.000Z").toString("base64"),
      Buffer.from('GPC:J:{"id":1}').toString("base64"),
      Buffer.from("GPC:S:").toString("base64"),
      Buffer.from("GPC:S:not-an-id").toString("base64"),
      Buffer.from("plain").toString("base64"),
      cursorOf(missing("pconf")), // an id of another type
    ];
    const all = [
      ...connections.map((c) => c.query),
      "query($after: String) { availableTools(after: $after) { totalCount } }",
      "query($after: String) { presets(after: $after) { totalCount } }",
    ];
    for (const query of all) {
      for (const after of bad) {
        if (query.includes("personalConfigurations") && after === cursorOf(missing("pconf"))) continue;
        const res = await client.raw(query, { after });
        expect([query, after, res.errors?.[0]?.message, res.errors?.[0]?.extensions?.code]).toEqual([query, after, "invalid cursor", "BAD_USER_INPUT"]);
      }
      const before = await client.raw(query.replaceAll("after", "before").replace("first: 10, ", ""), { before: "zzz" });
      expect(before.errors?.[0]?.message).toBe("invalid cursor");
    }
  });
});
