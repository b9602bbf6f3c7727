import { describe, expect, it } from "vitest";
import { derivedId } from "../../src/db/ids.js";
import { graphql } from "../gql/index.js";
import { connector, connectorEvent, minutesAgo, personalConfiguration, team } from "../helpers/fixtures.js";
import { ok } from "../helpers/graphql.js";
import { startServer } from "../helpers/server.js";

const Connectors = graphql(`
  query VisibilityConnectors {
    connectors(first: 100) { totalCount edges { node { id } } }
  }
`);
const ConnectorById = graphql(`
  query VisibilityConnector($id: ID!) { connector(id: $id) { id } }
`);
const PersonalConfigurations = graphql(`
  query VisibilityPersonalConfigurations {
    personalConfigurations(first: 100) { totalCount edges { node { id } } }
  }
`);
const PersonalConfigurationById = graphql(`
  query VisibilityPersonalConfiguration($id: ID!) { personalConfiguration(id: $id) { id } }
`);
const Nodes = graphql(`
  query VisibilityNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }
`);
const NodeById = graphql(`
  query VisibilityNode($id: ID!) { node(id: $id) { __typename id } }
`);
const WithStatus = graphql(`
  query VisibilityWithStatus { connectorsWithStatus { slug server { id } installations { id } } }
`);

describe("visibility", async () => {
  const server = await startServer();
  const listIds = (r: { edges: { node: { id: string } }[]; totalCount: number }) => ({
    ids: r.edges.map((e) => e.node.id).sort(),
    totalCount: r.totalCount,
  });

  it("hides every object of another organization as if it did not exist", async () => {
    const mine = await team();
    const other = await team();
    const teamConn = await connector(other.organizationId, { createdById: other.alice.userId });
    const personalConn = await connector(other.organizationId, { scope: "PERSONAL", createdById: other.bob.userId });
    const event = await connectorEvent(teamConn);
    const pconf = await personalConfiguration(other.organizationId, { userId: other.alice.userId });
    const foreignIds = [
      teamConn.id, personalConn.id, teamConn.tools[0].id, event.id, pconf.id,
      other.alice.userId!, other.organizationId,
    ];
    const client = server.as(mine.alice.key);

    expect(listIds(ok(await client.run(Connectors)).connectors)).toEqual({ ids: [], totalCount: 0 });
    expect(listIds(ok(await client.run(PersonalConfigurations)).personalConfigurations)).toEqual({ ids: [], totalCount: 0 });
    for (const id of [teamConn.id, personalConn.id]) {
      expect(ok(await client.run(ConnectorById, { id })).connector).toBeNull();
    }
    expect(ok(await client.run(PersonalConfigurationById, { id: pconf.id })).personalConfiguration).toBeNull();
    for (const id of foreignIds) expect(ok(await client.run(NodeById, { id })).node).toBeNull();
    expect(ok(await client.run(Nodes, { ids: foreignIds })).nodes).toEqual(foreignIds.map(() => null));
    const github = ok(await client.run(WithStatus)).connectorsWithStatus.find((p) => p.slug === "github");
    expect(github).toMatchObject({ server: null, installations: [] });
  });

  it("shows TEAM connectors to every member and the organization key, PERSONAL ones to their owner only", async () => {
    const t = await team();
    const shared = await connector(t.organizationId, { createdById: t.alice.userId });
    const alices = await connector(t.organizationId, { scope: "PERSONAL", createdById: t.alice.userId });
    const bobs = await connector(t.organizationId, { scope: "PERSONAL", createdById: t.bob.userId });
    const keys = await connector(t.organizationId, { scope: "PERSONAL", ownerApiKeyId: t.orgKey.keyId });
    const all = [shared, alices, bobs, keys];
    const sees = new Map([
      [t.alice, [shared, alices]],
      [t.bob, [shared, bobs]],
      [t.orgKey, [shared, keys]],
    ]);
    for (const [actor, visible] of sees) {
      const client = server.as(actor.key);
      const expected = visible.map((c) => c.id).sort();
      expect(listIds(ok(await client.run(Connectors)).connectors)).toEqual({ ids: expected, totalCount: visible.length });
      for (const c of all) {
        const seen = visible.includes(c) ? c.id : null;
        expect(ok(await client.run(ConnectorById, { id: c.id })).connector?.id ?? null).toBe(seen);
        expect(ok(await client.run(NodeById, { id: c.id })).node?.id ?? null).toBe(seen);
      }
      const nodes = ok(await client.run(Nodes, { ids: all.map((c) => c.id) })).nodes;
      expect(nodes.map((n) => n?.id ?? null)).toEqual(all.map((c) => (visible.includes(c) ? c.id : null)));
    }
  });

  it("hides the events of a PERSONAL connector from everyone but its owner", async () => {
    const t = await team();
    const bobs = await connector(t.organizationId, { scope: "PERSONAL", createdById: t.bob.userId });
    const event = await connectorEvent(bobs, { actorId: t.bob.userId });
    expect(ok(await server.as(t.bob.key).run(NodeById, { id: event.id })).node).toEqual({ __typename: "ConnectorEvent", id: event.id });
    expect(ok(await server.as(t.alice.key).run(NodeById, { id: event.id })).node).toBeNull();
    expect(ok(await server.as(t.orgKey.key).run(NodeById, { id: event.id })).node).toBeNull();
  });

  it("shows personal configurations to their owner only: the user, or the key without a user", async () => {
    const t = await team();
    const alices = await personalConfiguration(t.organizationId, { userId: t.alice.userId });
    const bobs = await personalConfiguration(t.organizationId, { userId: t.bob.userId });
    const keys = await personalConfiguration(t.organizationId, { apiKeyId: t.orgKey.keyId });
    const all = [alices, bobs, keys];
    for (const [actor, own] of [[t.alice, alices], [t.bob, bobs], [t.orgKey, keys]] as const) {
      const client = server.as(actor.key);
      expect(listIds(ok(await client.run(PersonalConfigurations)).personalConfigurations)).toEqual({ ids: [own.id], totalCount: 1 });
      for (const p of all) {
        const seen = p === own ? p.id : null;
        expect(ok(await client.run(PersonalConfigurationById, { id: p.id })).personalConfiguration?.id ?? null).toBe(seen);
        expect(ok(await client.run(NodeById, { id: p.id })).node?.id ?? null).toBe(seen);
      }
    }
  });

  it("builds connectorsWithStatus from the installs the viewer can see", async () => {
    const t = await team();
    const other = await team();
    const shared = await connector(t.organizationId, { presetSlug: "notion", createdAt: minutesAgo(40), updatedAt: minutesAgo(30) });
    const alices = await connector(t.organizationId, {
      presetSlug: "notion", scope: "PERSONAL", createdById: t.alice.userId, createdAt: minutesAgo(35), updatedAt: minutesAgo(20),
    });
    await connector(other.organizationId, { presetSlug: "notion", updatedAt: minutesAgo(1) });
    const notion = async (key: string) =>
      ok(await server.as(key).run(WithStatus)).connectorsWithStatus.find((p) => p.slug === "notion");

    expect(await notion(t.alice.key)).toEqual({
      slug: "notion",
      server: { id: derivedId("csrv", alices.id) },
      installations: [{ id: shared.id }, { id: alices.id }],
    });
    expect(await notion(t.bob.key)).toEqual({ slug: "notion", server: { id: derivedId("csrv", shared.id) }, installations: [{ id: shared.id }] });
    // a key without a user owns what it made; a user's PERSONAL install is not the key's, and the reverse
    const keys = await connector(t.organizationId, {
      presetSlug: "notion", scope: "PERSONAL", ownerApiKeyId: t.orgKey.keyId, createdAt: minutesAgo(30), updatedAt: minutesAgo(10),
    });
    expect(await notion(t.orgKey.key)).toEqual({
      slug: "notion", server: { id: derivedId("csrv", keys.id) }, installations: [{ id: shared.id }, { id: keys.id }],
    });
    expect((await notion(t.alice.key))?.server).toEqual({ id: derivedId("csrv", alices.id) });
  });
});
