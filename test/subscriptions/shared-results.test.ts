import { afterEach, describe, expect, it } from "vitest";
import { connectors, member } from "../connectors/api.js";
import { graphql } from "../gql/index.js";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { closeAll, subscribeWs, wsClient } from "../helpers/subscriptions.js";

// An event's execution is shared by subscribers alike (same document, variables, visibility and
// origin): these check that what each subscriber receives is still exactly its own.
const EventsWithEndpoint = graphql(`
  subscription SharedEvents($id: ID) {
    connectorEvents(id: $id) { id kind version connector { id name mcpEndpoint } }
  }
`);
const StateWithEndpoint = graphql(`
  subscription SharedState($id: ID!) {
    connectorStateChanged(id: $id) { id name version mcpEndpoint }
  }
`);

describe("subscribers of one event", async () => {
  const server = await startServer();
  const port = new URL(server.url).port;
  afterEach(closeAll);

  it("each receive the event, with the URLs of the origin they connected to", async () => {
    const { alice } = await team();
    const api = connectors(server.as(alice.key));
    const c = await api.created({ presetSlug: "github", name: "Before" });
    const hosts = [`127.0.0.1:${port}`, `127.0.0.1:${port}`, `plugboard-a.test:${port}`, `plugboard-b.test:${port}`];
    const events = hosts.map((host) => ({ host, sub: subscribeWs(wsClient(server.url, alice.key, { host }), EventsWithEndpoint, { id: c.id }) }));
    const states = hosts.map((host) => ({ host, sub: subscribeWs(wsClient(server.url, alice.key, { host }), StateWithEndpoint, { id: c.id }) }));
    for (const { sub } of states) expect((await sub.next()).connectorStateChanged.version).toBe(1);
    // the event subscriptions are live once the state ones are (each socket opened in order)
    await new Promise((r) => setTimeout(r, 200));

    for (const name of ["First", "Second"]) {
      member(await api.update({ id: c.id, name }), "UpdateConnectorSuccess");
      for (const { host, sub } of events) {
        const e = (await sub.next()).connectorEvents;
        expect(e).toMatchObject({ kind: "UPDATED", connector: { id: c.id, name, mcpEndpoint: `http://${host}/mcp/${c.id}` } });
      }
      for (const { host, sub } of states) {
        expect((await sub.next()).connectorStateChanged).toMatchObject({ name, mcpEndpoint: `http://${host}/mcp/${c.id}` });
      }
    }
  });

  it("with other visibility see only what theirs lets them, the same event notwithstanding", async () => {
    const { alice, bob } = await team();
    const mine = await connectors(server.as(alice.key)).created({ presetSlug: "github", name: "Alice's", scope: "PERSONAL" });
    const shared = await connectors(server.as(alice.key)).created({ presetSlug: "github", name: "Team's" });
    const asAlice = subscribeWs(wsClient(server.url, alice.key), EventsWithEndpoint, {});
    const asBob = subscribeWs(wsClient(server.url, bob.key), EventsWithEndpoint, {});
    await new Promise((r) => setTimeout(r, 300));
    await connectors(server.as(alice.key)).update({ id: mine.id, name: "Alice's, renamed" });
    await connectors(server.as(alice.key)).update({ id: shared.id, name: "Team's, renamed" });
    expect((await asAlice.next()).connectorEvents.connector).toMatchObject({ id: mine.id, name: "Alice's, renamed" });
    expect((await asAlice.next()).connectorEvents.connector).toMatchObject({ id: shared.id, name: "Team's, renamed" });
    // Bob's first event is the team connector's: Alice's PERSONAL one never reached him
    expect((await asBob.next()).connectorEvents.connector).toMatchObject({ id: shared.id, name: "Team's, renamed" });
  });
});
