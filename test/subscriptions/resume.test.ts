import { print } from "graphql";
import { afterEach, describe, expect, it } from "vitest";
import { connectors } from "../connectors/api.js";
import { graphql } from "../gql/index.js";
import { team } from "../helpers/fixtures.js";
import { ok } from "../helpers/graphql.js";
import { startServer } from "../helpers/server.js";
import { closeAll, subscribeSse, subscribeWs, WAIT_MS, wsClient } from "../helpers/subscriptions.js";
import { Events } from "./documents.js";

const History = graphql(`
  query SubscriptionHistory($id: ID!) { connector(id: $id) { events(first: 100) { edges { node { id version } } } } }
`);

/** Reads `count` SSE messages straight off the wire, to see the `id:` fields a browser would keep. */
async function readSse(url: string, key: string, variables: Record<string, unknown>, count: number, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream", authorization: `Bearer ${key}`, ...headers },
    body: JSON.stringify({ query: print(Events), variables }),
    signal: AbortSignal.timeout(WAIT_MS),
  });
  expect(res.headers.get("content-type")).toContain("text/event-stream");
  const messages: { id?: string; data: { data: { connectorEvents: { id: string; version: number } } } }[] = [];
  const decoder = new TextDecoder();
  let text = "";
  for await (const chunk of res.body!) {
    text += decoder.decode(chunk as Uint8Array, { stream: true });
    let end: number;
    while ((end = text.indexOf("\n\n")) >= 0) {
      const block = text.slice(0, end);
      text = text.slice(end + 2);
      const fields = Object.fromEntries(block.split("\n").filter((l) => !l.startsWith(":")).map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 1).trim()]));
      if (fields.event === "next") messages.push({ id: fields.id, data: JSON.parse(fields.data) });
    }
    if (messages.length >= count) break;
  }
  await res.body!.cancel().catch(() => {});
  return messages;
}

describe("resuming connectorEvents", async () => {
  const server = await startServer();
  afterEach(closeAll);

  it("replays what a client missed while away (after:), then goes live, with no gap and no duplicate", async () => {
    const { alice } = await team();
    const api = connectors(server.as(alice.key));
    const c = await api.created({ presetSlug: "github" });
    const [created] = ok(await server.as(alice.key).run(History, { id: c.id })).connector!.events.edges;

    const first = subscribeWs(wsClient(server.url, alice.key), Events, { id: c.id, after: created.node.id });
    for (let i = 0; i < 3; i++) await api.update({ id: c.id, name: `First ${i}` });
    const seen = [];
    for (let i = 0; i < 3; i++) seen.push((await first.next()).connectorEvents);
    first.dispose(); // the socket is lost

    for (let i = 0; i < 4; i++) await api.update({ id: c.id, name: `Away ${i}` });
    const again = subscribeWs(wsClient(server.url, alice.key), Events, { id: c.id, after: seen.at(-1)!.id });
    for (let i = 0; i < 4; i++) seen.push((await again.next()).connectorEvents);
    await api.update({ id: c.id, name: "Live" });
    seen.push((await again.next()).connectorEvents);
    expect(seen.map((e) => e.version)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("has no gap and no duplicate at the seam when changes commit while it replays", async () => {
    const { alice } = await team();
    const api = connectors(server.as(alice.key));
    const c = await api.created({ presetSlug: "github" });
    const [created] = ok(await server.as(alice.key).run(History, { id: c.id })).connector!.events.edges;

    // some writers may lose the optimistic race too often and fail: what committed must arrive
    const updates = Promise.allSettled(Array.from({ length: 20 }, (_, i) => api.update({ id: c.id, name: `Concurrent ${i}` })));
    const sub = subscribeWs(wsClient(server.url, alice.key), Events, { id: c.id, after: created.node.id });
    await updates;
    const committed = ok(await server.as(alice.key).run(History, { id: c.id })).connector!.events.edges[0].node.version;
    const versions = [];
    for (let v = 2; v <= committed; v++) versions.push((await sub.next()).connectorEvents.version);
    expect(versions).toEqual(Array.from({ length: committed - 1 }, (_, i) => i + 2));
    await api.update({ id: c.id, name: "After the seam" });
    expect((await sub.next()).connectorEvents.version).toBe(committed + 1);
  });

  it("replays a deleted connector's trail up to its DELETED event", async () => {
    const { alice } = await team();
    const api = connectors(server.as(alice.key));
    const c = await api.created({ presetSlug: "github" });
    const [created] = ok(await server.as(alice.key).run(History, { id: c.id })).connector!.events.edges;
    await api.update({ id: c.id, name: "Last name" });
    await api.remove(c.id);
    const sub = subscribeWs(wsClient(server.url, alice.key), Events, { id: c.id, after: created.node.id });
    expect((await sub.next()).connectorEvents).toMatchObject({ kind: "UPDATED", version: 2 });
    expect((await sub.next()).connectorEvents).toMatchObject({ kind: "DELETED", version: 3, connector: null });
  });

  it("over SSE, sends each event's id and resumes from Last-Event-ID", async () => {
    const { alice } = await team();
    const api = connectors(server.as(alice.key));
    const c = await api.created({ presetSlug: "github" });
    const [created] = ok(await server.as(alice.key).run(History, { id: c.id })).connector!.events.edges;
    for (let i = 0; i < 3; i++) await api.update({ id: c.id, name: `Before ${i}` });

    const wire = await readSse(server.url, alice.key, { id: c.id, after: created.node.id }, 3);
    expect(wire.map((m) => m.data.data.connectorEvents.version)).toEqual([2, 3, 4]);
    for (const m of wire) expect(m.id).toBe(m.data.data.connectorEvents.id);

    // what an EventSource does after a drop: the same request, with the last id it kept
    await api.update({ id: c.id, name: "While away" });
    const resumed = subscribeSse(server.url, alice.key, Events, { id: c.id }, { "Last-Event-ID": wire[1].id! });
    expect((await resumed.next()).connectorEvents.version).toBe(4);
    expect((await resumed.next()).connectorEvents.version).toBe(5);
    await api.update({ id: c.id, name: "Live" });
    expect((await resumed.next()).connectorEvents.version).toBe(6);
  });
});
