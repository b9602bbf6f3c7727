import { describe, expect, it } from "vitest";
import { prisma } from "../helpers/database.js";
import { newId } from "../../src/db/ids.js";
import { graphql } from "../gql/index.js";
import { connector, connectorEvent, pendingAuthorization, personalConfiguration, team } from "../helpers/fixtures.js";
import { ok } from "../helpers/graphql.js";
import { startServer } from "../helpers/server.js";

const NodeById = graphql(`
  query NodeById($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Connector { name }
      ... on Tool { name }
      ... on User { email }
      ... on Preset { slug }
    }
  }
`);
const NodesByIds = graphql(`
  query NodesByIds($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }
`);
const ByIdFields = graphql(`
  query ByIdFields($id: ID!) {
    connector(id: $id) { id }
    personalConfiguration(id: $id) { id }
  }
`);

const malformed = [
  "",
  "garbage",
  "conn_short",
  `conn_${"u".repeat(24)}`,
  `conn_${"!".repeat(24)}`,
  `CONN_${"0".repeat(24)}`,
  `zzz_${"0".repeat(24)}`,
  `conn_${"0".repeat(25)}`,
];
const unknownWellFormed = (["org", "user", "pset", "tool", "conn", "pconf", "evt"] as const).map((p) => newId(p));

describe("node and nodes", async () => {
  const server = await startServer();

  async function oneOfEach() {
    const t = await team();
    const conn = await connector(t.organizationId, { createdById: t.alice.userId });
    const preset = await prisma.preset.findUniqueOrThrow({ where: { slug: "github" }, include: { tools: true } });
    const expected: [string, string][] = [
      ["Organization", t.organizationId],
      ["User", t.bob.userId!],
      ["Preset", preset.id],
      ["Tool", preset.tools[0].id],
      ["Tool", conn.tools[0].id],
      ["Connector", conn.id],
      ["PersonalConfiguration", (await personalConfiguration(t.organizationId, { userId: t.alice.userId })).id],
      ["ConnectorEvent", (await connectorEvent(conn)).id],
    ];
    return { t, conn, preset, expected, client: server.as(t.alice.key) };
  }

  it("resolves every kind of id to its type", async () => {
    const { client, expected, conn, preset } = await oneOfEach();
    for (const [typename, id] of expected) {
      const res = await client.run(NodeById, { id });
      expect(res.errors).toBeUndefined();
      expect(res.data?.node).toMatchObject({ __typename: typename, id });
    }
    expect(ok(await client.run(NodeById, { id: conn.id })).node).toMatchObject({ name: conn.name });
    expect(ok(await client.run(NodeById, { id: preset.id })).node).toMatchObject({ slug: "github" });
    expect(ok(await client.run(NodeById, { id: conn.tools[0].id })).node).toMatchObject({ name: conn.tools[0].name });
  });

  it.each([...malformed, ...unknownWellFormed])("answers null without an error for %j", async (id) => {
    const { t } = await oneOfEach();
    const res = await server.as(t.alice.key).run(NodeById, { id });
    expect(res.errors).toBeUndefined();
    expect(res.data?.node).toBeNull();
    const byId = await server.as(t.alice.key).run(ByIdFields, { id });
    expect(byId.errors).toBeUndefined();
    expect(byId.data).toEqual({ connector: null, personalConfiguration: null });
  });

  it("answers null for OAuth ids, even the viewer's own; API keys are Nodes (who sees which: test/administration)", async () => {
    const { t, conn } = await oneOfEach();
    const flow = await pendingAuthorization(conn);
    const ids = [t.alice.keyId, t.orgKey.keyId, flow.id];
    expect(ok(await server.as(t.alice.key).run(NodesByIds, { ids })).nodes).toEqual([
      { __typename: "ApiKey", id: t.alice.keyId },
      { __typename: "ApiKey", id: t.orgKey.keyId },
      null,
    ]);
  });

  it("keeps the order of the ids and a null for each unknown one", async () => {
    const { client, expected } = await oneOfEach();
    const ids = [...expected.map(([, id]) => id)];
    ids.splice(2, 0, "garbage");
    ids.splice(5, 0, unknownWellFormed[4]);
    ids.push(expected[0][1]);
    const nodes = ok(await client.run(NodesByIds, { ids })).nodes;
    const byId = new Map(expected.map(([typename, id]) => [id, { __typename: typename, id }]));
    expect(nodes).toEqual(ids.map((id) => byId.get(id) ?? null));
  });

  it("refuses more than 100 ids with BAD_USER_INPUT", async () => {
    const { client } = await oneOfEach();
    const res = await client.run(NodesByIds, { ids: Array.from({ length: 101 }, () => newId("conn")) });
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.message).toMatch(/100/);
  });
});
