import { getNamedType, isListType, isNonNullType, isObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "../../src/schema.js";
import { onQuery } from "../helpers/database.js";
import { graphql } from "../gql/index.js";
import { connector, connectorEvent, personalConfiguration, team } from "../helpers/fixtures.js";
import { ok } from "../helpers/graphql.js";
import { startServer } from "../helpers/server.js";

// Every connection offers `nodes` beside `edges` (as GitHub and Shopify do), for lists that need no cursors.

const EdgesAndNodes = graphql(`
  query EdgesAndNodes {
    presets(first: 3) { edges { node { id slug } } nodes { id slug } }
    connectors(first: 10) {
      edges { node { id name } }
      nodes { id name events(first: 5) { edges { node { id kind } } nodes { id kind } } }
    }
    personalConfigurations { edges { node { id name } } nodes { id name } }
  }
`);
const ConnectorsByEdges = graphql(`
  query ConnectorsByEdges { connectors(first: 50) { edges { node { id preset { slug } tools { name } } } } }
`);
const ConnectorsByNodes = graphql(`
  query ConnectorsByNodes { connectors(first: 50) { nodes { id preset { slug } tools { name } } } }
`);

describe("connections' nodes", async () => {
  const server = await startServer();

  it("are on every connection, as a non-null list of the edges' non-null node type", () => {
    const connections = Object.values(schema.getTypeMap()).filter((t) => isObjectType(t) && t.name.endsWith("Connection"));
    expect(connections.map((c) => c.name)).toEqual(
      expect.arrayContaining(["ConnectorConnection", "ConnectorEventConnection", "PersonalConfigurationConnection", "PresetConnection"]),
    );
    for (const c of connections) {
      if (!isObjectType(c)) continue;
      const nodes = c.getFields().nodes?.type;
      const edge = getNamedType(c.getFields().edges.type);
      const node = isObjectType(edge) ? edge.getFields().node.type : null;
      expect(nodes && isNonNullType(nodes) && isListType(nodes.ofType) && String(nodes.ofType.ofType), c.name).toBe(String(node));
    }
  });

  it("are the edges' nodes, in the same order", async () => {
    const t = await team();
    const a = await connector(t.organizationId, { presetSlug: "github", createdById: t.alice.userId });
    await connector(t.organizationId, { presetSlug: "slack", createdById: t.alice.userId });
    await connectorEvent(a, { kind: "UPDATED" });
    await connectorEvent(a, { kind: "STATE_CHANGED", state: "CONNECTED", previousState: "CREATED" });
    await personalConfiguration(t.organizationId, { userId: t.alice.userId });
    const data = ok(await server.as(t.alice.key).run(EdgesAndNodes));
    expect(data.presets.nodes).toEqual(data.presets.edges.map((e) => e.node));
    expect(data.connectors.nodes.map(({ id, name }) => ({ id, name }))).toEqual(data.connectors.edges.map((e) => e.node));
    expect(data.connectors.nodes).toHaveLength(2);
    const withEvents = data.connectors.nodes.find((n) => n.id === a.id)!;
    expect(withEvents.events.nodes).toEqual(withEvents.events.edges.map((e) => e.node));
    expect(withEvents.events.nodes).toHaveLength(2);
    expect(data.personalConfigurations.nodes).toEqual(data.personalConfigurations.edges.map((e) => e.node));
    expect(data.personalConfigurations.nodes).toHaveLength(1);
  });

  it("load their nested selections in the same statements as edges do", async () => {
    const t = await team();
    for (const slug of ["github", "slack", "zendesk", "github"]) await connector(t.organizationId, { presetSlug: slug });
    const count = async (run: () => Promise<unknown>) => {
      let statements = 0;
      const unsubscribe = onQuery(() => statements++);
      try {
        await run();
      } finally {
        unsubscribe();
      }
      return statements;
    };
    const client = server.as(t.alice.key);
    ok(await client.run(ConnectorsByEdges)); // the key is resolved once, then trusted for a second
    let byEdges: unknown;
    let byNodes: unknown;
    const edges = await count(async () => (byEdges = ok(await client.run(ConnectorsByEdges)).connectors.edges.map((e) => e.node)));
    const nodes = await count(async () => (byNodes = ok(await client.run(ConnectorsByNodes)).connectors.nodes));
    expect(byNodes).toEqual(byEdges);
    expect(nodes).toBe(edges);
  });
});
