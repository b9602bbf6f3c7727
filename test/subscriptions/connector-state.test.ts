import { afterEach, describe, expect, it } from "vitest";
import { connectors, member } from "../connectors/api.js";
import { graphql } from "../gql/index.js";
import { team } from "../helpers/fixtures.js";
import { ok } from "../helpers/graphql.js";
import { startServer } from "../helpers/server.js";
import { StateChanged } from "./documents.js";
import { closeAll, subscribeSse, subscribeWs, wsClient } from "../helpers/subscriptions.js";

const CurrentConnector = graphql(`
  query SubscriptionCurrentConnector($id: ID!) { connector(id: $id) { id name state version } }
`);

const UPDATE_NAME = `mutation($input: UpdateConnectorInput!) {
  updateConnector(input: $input) { __typename ... on UpdateConnectorSuccess { connector { version } } }
}`;

describe("connectorStateChanged", async () => {
  const server = await startServer();
  afterEach(closeAll);

  it("sends the connector as it is now, then again after each change, and completes after the delete", async () => {
    const { alice } = await team();
    const api = connectors(server.as(alice.key));
    const c = await api.created({ presetSlug: "github", name: "Before" });
    const sub = subscribeWs(wsClient(server.url, alice.key), StateChanged, { id: c.id });

    expect((await sub.next()).connectorStateChanged).toMatchObject({ id: c.id, name: "Before", state: "CREATED", version: 1 });
    member(await api.update({ id: c.id, name: "After" }), "UpdateConnectorSuccess");
    expect((await sub.next()).connectorStateChanged).toMatchObject({ name: "After", state: "CREATED", version: 2 });
    member(await api.connect({ id: c.id, accessToken: "gho_test_token" }), "ConnectConnectorSuccess");
    expect((await sub.next()).connectorStateChanged).toMatchObject({ state: "CONNECTED", version: 3 });
    member(await api.setTool(c.id, c.tools[0].name, true), "SetToolDisabledSuccess");
    const toolsChanged = (await sub.next()).connectorStateChanged;
    expect(toolsChanged.version).toBe(4);
    expect(toolsChanged.tools.find((t) => t.name === c.tools[0].name)?.disabled).toBe(true);
    member(await api.disconnect(c.id, "done"), "DisconnectConnectorSuccess");
    expect((await sub.next()).connectorStateChanged).toMatchObject({ state: "DISCONNECTED", version: 5 });
    member(await api.remove(c.id), "DeleteConnectorSuccess");
    await sub.completed();
  });

  it("works the same over SSE", async () => {
    const { alice } = await team();
    const api = connectors(server.as(alice.key));
    const c = await api.created({ presetSlug: "github" });
    const sub = subscribeSse(server.url, alice.key, StateChanged, { id: c.id });
    expect((await sub.next()).connectorStateChanged.version).toBe(1);
    await api.update({ id: c.id, name: "Over SSE" });
    expect((await sub.next()).connectorStateChanged).toMatchObject({ name: "Over SSE", version: 2 });
    await api.remove(c.id);
    await sub.completed();
  });

  it("never goes back in version and ends on the database's state under 50 concurrent updates", async () => {
    const { alice } = await team();
    const client = server.as(alice.key);
    const api = connectors(client);
    const c = await api.created({ presetSlug: "github" });
    const subs = [
      subscribeWs(wsClient(server.url, alice.key), StateChanged, { id: c.id }),
      subscribeSse(server.url, alice.key, StateChanged, { id: c.id }),
    ];
    for (const s of subs) expect((await s.next()).connectorStateChanged.version).toBe(1);

    // every accepted write lands: concurrent writers retry on version conflicts
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => client.raw(UPDATE_NAME, { input: { id: c.id, name: `Name ${i}` } })),
    );
    for (const r of results) expect(r.errors).toBeUndefined();
    const now = ok(await client.run(CurrentConnector, { id: c.id })).connector!;
    expect(now.version).toBe(51);

    for (const s of subs) {
      let last = 1;
      let seen = { name: "", version: 1 };
      while (last < now.version) {
        seen = (await s.next()).connectorStateChanged;
        expect(seen.version).toBeGreaterThan(last);
        last = seen.version;
      }
      expect(seen).toMatchObject({ name: now.name, version: now.version });
    }
  });

  it("answers NOT_FOUND for an unknown id, another organization's connector and another user's PERSONAL one", async () => {
    const mine = await team();
    const other = await team();
    const foreign = await connectors(server.as(other.alice.key)).created({ presetSlug: "github" });
    const bobs = await connectors(server.as(mine.bob.key)).created({ presetSlug: "github", scope: "PERSONAL" });
    const client = wsClient(server.url, mine.alice.key);
    for (const id of ["conn_00000000000000000000000000", foreign.id, bobs.id, "not-an-id"]) {
      const sub = subscribeWs(client, StateChanged, { id });
      const result = await sub.result();
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
      await sub.completed();
    }
    // the owner sees their own
    const own = subscribeWs(wsClient(server.url, mine.bob.key), StateChanged, { id: bobs.id });
    expect((await own.next()).connectorStateChanged.id).toBe(bobs.id);
  });
});
