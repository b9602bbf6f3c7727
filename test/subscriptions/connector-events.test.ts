import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "../helpers/database.js";
import { changeConnector } from "../../src/connectors/change.js";
import { connectors, member } from "../connectors/api.js";
import { graphql } from "../gql/index.js";
import { team } from "../helpers/fixtures.js";
import { ok } from "../helpers/graphql.js";
import { startServer } from "../helpers/server.js";
import { Events } from "./documents.js";
import { listening, closeAll, subscribeWs, wsClient } from "../helpers/subscriptions.js";

const LatestEvent = graphql(`
  query SubscriptionLatestEvent($id: ID!) { connector(id: $id) { version events(first: 1) { edges { node { id version } } } } }
`);

const UPDATE_NAME = `mutation($input: UpdateConnectorInput!) {
  updateConnector(input: $input) { __typename ... on UpdateConnectorSuccess { connector { version } } }
}`;

describe("connectorEvents", async () => {
  const server = await startServer();
  afterEach(closeAll);

  it("delivers every kind of event with version, states, actor and time, and a null connector after DELETED", async () => {
    const { alice, organizationId } = await team();
    const api = connectors(server.as(alice.key));
    const sub = subscribeWs(wsClient(server.url, alice.key), Events, {});
    await listening(server.app, organizationId);

    const c = await api.created({ presetSlug: "github" });
    await api.update({ id: c.id, name: "Renamed" });
    await api.connect({ id: c.id, accessToken: "gho_test_token" });
    await api.setTool(c.id, c.tools[0].name, true);
    await api.remove(c.id);

    const got = [];
    for (let i = 0; i < 5; i++) got.push((await sub.next()).connectorEvents);
    expect(got.map((e) => [e.kind, e.version, e.previousState, e.state])).toEqual([
      ["CREATED", 1, null, "CREATED"],
      ["UPDATED", 2, "CREATED", "CREATED"],
      ["STATE_CHANGED", 3, "CREATED", "CONNECTED"],
      ["TOOLS_CHANGED", 4, "CONNECTED", "CONNECTED"],
      ["DELETED", 5, "CONNECTED", null],
    ]);
    for (const e of got) {
      expect(e.connectorId).toBe(c.id);
      expect(e.actor?.id).toBe(alice.userId);
      expect(new Date(e.at).getTime()).not.toBeNaN();
    }
    expect(got[4].connector).toBeNull(); // resolved after the delete: the connector is gone
  });

  it("publishes nothing for a change that rolls back, and the next real change is the next event", async () => {
    const { alice, organizationId } = await team();
    const api = connectors(server.as(alice.key));
    const c = await api.created({ presetSlug: "github" });
    const sub = subscribeWs(wsClient(server.url, alice.key), Events, { id: c.id });
    await listening(server.app, organizationId);

    member(await api.update({ id: c.id, name: "" }), "ValidationError");
    await expect(
      changeConnector(server.app.services, {
        id: c.id,
        actorId: null,
        decide: () => ({ data: { name: "never" }, also: async () => Promise.reject(new Error("inside the transaction")) }),
      }),
    ).rejects.toThrow("inside the transaction");
    expect((await prisma.connector.findUniqueOrThrow({ where: { id: c.id } })).version).toBe(1);

    await api.update({ id: c.id, name: "Real" });
    const e = (await sub.next()).connectorEvents;
    expect([e.kind, e.version, e.connector?.name]).toEqual(["UPDATED", 2, "Real"]);
  });

  it("keeps each connector's events in order, without gaps, under 50 concurrent updates", async () => {
    const { alice, organizationId } = await team();
    const client = server.as(alice.key);
    const api = connectors(client);
    const c = await api.created({ presetSlug: "github" });
    const subs = [0, 1, 2].map(() => subscribeWs(wsClient(server.url, alice.key), Events, { id: c.id }));
    await listening(server.app, organizationId, subs.length);

    // every accepted write lands: concurrent writers retry on version conflicts
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => client.raw(UPDATE_NAME, { input: { id: c.id, name: `Name ${i}` } })),
    );
    for (const r of results) expect(r.errors).toBeUndefined();
    const now = ok(await client.run(LatestEvent, { id: c.id })).connector!;
    expect(now.version).toBe(51);
    for (const s of subs) {
      const versions = [];
      for (let v = 2; v <= now.version; v++) versions.push((await s.next()).connectorEvents.version);
      expect(versions).toEqual(Array.from({ length: now.version - 1 }, (_, i) => i + 2));
    }
  });

  it("applies the filter: scope and state to the event, the rest to the connector", async () => {
    const { alice, organizationId } = await team();
    const api = connectors(server.as(alice.key));
    const connected = subscribeWs(wsClient(server.url, alice.key), Events, { filter: { state: ["CONNECTED"] } });
    const named = subscribeWs(wsClient(server.url, alice.key), Events, { filter: { search: "wanted" } });
    await listening(server.app, organizationId, 2);

    const a = await api.created({ presetSlug: "github", name: "Wanted one" });
    const b = await api.created({ presetSlug: "github", name: "Other one" });
    await api.connect({ id: b.id, accessToken: "gho_test_token" });
    await api.update({ id: a.id, name: "Wanted two" });

    const e = (await connected.next()).connectorEvents;
    expect([e.connectorId, e.kind, e.state]).toEqual([b.id, "STATE_CHANGED", "CONNECTED"]);
    const first = (await named.next()).connectorEvents;
    const second = (await named.next()).connectorEvents;
    expect([first, second].map((x) => [x.connectorId, x.kind])).toEqual([
      [a.id, "CREATED"],
      [a.id, "UPDATED"],
    ]);
    expect(connected.pending + named.pending).toBe(0);
  });

  it("keeps organizations and people apart: only what the viewer could query arrives", async () => {
    const mine = await team();
    const other = await team();
    const aliceSub = subscribeWs(wsClient(server.url, mine.alice.key), Events, {});
    const keySub = subscribeWs(wsClient(server.url, mine.orgKey.key), Events, {});
    await listening(server.app, mine.organizationId, 2);

    await connectors(server.as(other.alice.key)).created({ presetSlug: "github" });
    await connectors(server.as(mine.bob.key)).created({ presetSlug: "github", scope: "PERSONAL" });
    const keys = await connectors(server.as(mine.orgKey.key)).created({ presetSlug: "github", scope: "PERSONAL" });
    const alices = await connectors(server.as(mine.alice.key)).created({ presetSlug: "github", scope: "PERSONAL" });
    const shared = await connectors(server.as(mine.alice.key)).created({ presetSlug: "github", scope: "TEAM" });

    expect((await aliceSub.next()).connectorEvents.connectorId).toBe(alices.id);
    expect((await aliceSub.next()).connectorEvents.connectorId).toBe(shared.id);
    expect((await keySub.next()).connectorEvents.connectorId).toBe(keys.id);
    expect((await keySub.next()).connectorEvents.connectorId).toBe(shared.id);
    expect(aliceSub.pending + keySub.pending).toBe(0);
  });

  it("answers NOT_FOUND for a connector or an `after` event the viewer cannot see", async () => {
    const mine = await team();
    const other = await team();
    const foreign = await connectors(server.as(other.alice.key)).created({ presetSlug: "github" });
    const foreignEvent = ok(await server.as(other.alice.key).run(LatestEvent, { id: foreign.id })).connector!.events.edges[0].node;
    const bobs = await connectors(server.as(mine.bob.key)).created({ presetSlug: "github", scope: "PERSONAL" });
    const client = wsClient(server.url, mine.alice.key);
    for (const variables of [{ id: foreign.id }, { id: bobs.id }, { id: "conn_00000000000000000000000000" }, { after: foreignEvent.id }, { after: "evt_nope" }]) {
      const sub = subscribeWs(client, Events, variables);
      const result = await sub.result();
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe("NOT_FOUND");
      await sub.completed();
    }
  });
});
