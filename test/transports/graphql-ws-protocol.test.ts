import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { connectors } from "../connectors/api.js";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { wsUrl } from "../helpers/subscriptions.js";

/** A raw graphql-transport-ws socket: what it is sent, and the messages and close it gets back. */
async function socket(url: string) {
  const ws = new WebSocket(wsUrl(url), "graphql-transport-ws");
  const messages: { type: string; id?: string }[] = [];
  ws.on("message", (data) => messages.push(JSON.parse(String(data))));
  const closed = new Promise<[number, string]>((r) => ws.once("close", (code, reason) => r([code, String(reason)])));
  await new Promise((r) => ws.once("open", r));
  const send = (m: unknown) => ws.send(typeof m === "string" ? m : JSON.stringify(m));
  const message = async (type: string) => {
    for (let i = 0; i < 200 && !messages.some((m) => m.type === type); i++) await new Promise((r) => setTimeout(r, 20));
    return messages.find((m) => m.type === type);
  };
  return { ws, send, closed, message };
}

// the close codes of graphql-ws's PROTOCOL.md, as a client that breaks each rule meets them
describe("graphql-ws close codes, per PROTOCOL.md", async () => {
  const server = await startServer();
  const { alice } = await team();
  const init = { type: "connection_init", payload: { authorization: `Bearer ${alice.key}` } };
  const c = await connectors(server.as(alice.key)).created({ presetSlug: "github" });
  const subscribe = (id: string) => ({ type: "subscribe", id, payload: { query: `subscription { connectorStateChanged(id: "${c.id}") { id } }` } });

  it("4400 for a message that is not one, or one only a server sends", async () => {
    for (const m of ["not json", { type: "bogus" }, { type: "next", id: "1", payload: {} }, { type: "connection_ack" }]) {
      const s = await socket(server.url);
      s.send(init);
      await s.message("connection_ack");
      s.send(m);
      expect((await s.closed)[0], JSON.stringify(m)).toBe(4400);
    }
  });

  it("4401 for a subscribe before connection_init, 4429 for a second connection_init", async () => {
    const early = await socket(server.url);
    early.send(subscribe("1"));
    expect((await early.closed)[0]).toBe(4401);
    const twice = await socket(server.url);
    twice.send(init);
    await twice.message("connection_ack");
    twice.send(init);
    expect((await twice.closed)[0]).toBe(4429);
  });

  it("4409 for a second subscribe with an id in use; ping is answered with pong", async () => {
    const s = await socket(server.url);
    s.send(init);
    await s.message("connection_ack");
    s.send({ type: "ping" });
    expect(await s.message("pong")).toBeTruthy();
    s.send(subscribe("same"));
    await s.message("next");
    s.send(subscribe("same"));
    expect(await s.closed).toEqual([4409, "Subscriber for same already exists"]);
  });

  it("4408 when connection_init does not come in time", { timeout: 20_000 }, async () => {
    const s = await socket(server.url);
    expect((await s.closed)[0]).toBe(4408);
  });
});
