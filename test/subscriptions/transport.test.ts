import { NetworkError } from "graphql-sse";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { prisma } from "../helpers/database.js";
import { connectors } from "../connectors/api.js";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { closeAll, subscribeSse, subscribeWs, WAIT_MS, wsClient, wsUrl } from "../helpers/subscriptions.js";
import { StateChanged } from "./documents.js";

const closeCode = (e: unknown) => (e as { code?: number }).code;

describe("subscription transports", async () => {
  const server = await startServer();
  const limited = await startServer({ app: { limits: { connectionsPerApiKey: 2, subscriptionsPerConnection: 2, keepAliveMs: 1_000 } } });
  const rechecking = await startServer({ app: { limits: { keyRecheckMs: 50 } } });
  afterEach(closeAll);

  it("closes a graphql-ws socket with 4401 without a key and 4403 with a bad one; SSE answers 401", async () => {
    const { alice } = await team();
    const c = await connectors(server.as(alice.key)).created({ presetSlug: "github" });
    const none = subscribeWs(wsClient(server.url, null), StateChanged, { id: c.id });
    expect(closeCode(await none.error())).toBe(4401);
    const bad = subscribeWs(wsClient(server.url, "pb_notakeynotakeynotakeynotakeynotakey"), StateChanged, { id: c.id });
    expect(closeCode(await bad.error())).toBe(4403);

    for (const key of [null, "pb_notakeynotakeynotakeynotakeynotakey"]) {
      const sse = subscribeSse(server.url, key, StateChanged, { id: c.id });
      const error = await sse.error();
      expect(error).toBeInstanceOf(NetworkError);
      expect((error as NetworkError).response?.status).toBe(401);
    }
  });

  it("closes the sockets of a key revoked while they are open with 4403", async () => {
    const { alice } = await team();
    const c = await connectors(rechecking.as(alice.key)).created({ presetSlug: "github" });
    const open = subscribeWs(wsClient(rechecking.url, alice.key), StateChanged, { id: c.id });
    await open.next();
    // what `npm run cli -- keys revoke` writes, from another process
    await prisma.apiKey.update({ where: { id: alice.keyId }, data: { revokedAt: new Date() } });
    expect(closeCode(await open.error())).toBe(4403);
  });

  it("ends the SSE streams of a key revoked while they are open, saying why", async () => {
    const { alice } = await team();
    const c = await connectors(rechecking.as(alice.key)).created({ presetSlug: "github" });
    const open = subscribeSse(rechecking.url, alice.key, StateChanged, { id: c.id });
    await open.next();
    // what `npm run cli -- keys revoke` writes, from another process: found by the recheck
    await prisma.apiKey.update({ where: { id: alice.keyId }, data: { revokedAt: new Date() } });
    const last = await open.result();
    expect(last.errors?.[0]).toMatchObject({ message: "The API key was revoked or the user deactivated", extensions: { code: "UNAUTHENTICATED" } });
    await open.completed();
  });

  it("bounds sockets per API key (4429), SSE streams counting too (RATE_LIMITED)", async () => {
    const { alice } = await team();
    const c = await connectors(limited.as(alice.key)).created({ presetSlug: "github" });
    const socket = wsClient(limited.url, alice.key);
    await subscribeWs(socket, StateChanged, { id: c.id }).next();
    const secondSocket = subscribeWs(wsClient(limited.url, alice.key), StateChanged, { id: c.id });
    await secondSocket.next();
    const tooMany = subscribeWs(wsClient(limited.url, alice.key), StateChanged, { id: c.id });
    const closed = await tooMany.error();
    expect([closeCode(closed), (closed as { reason?: string }).reason]).toEqual([4429, expect.stringContaining("Too many connections")]);
    // SSE streams count against the same per-key bound (two sockets are open)
    const sse = subscribeSse(limited.url, alice.key, StateChanged, { id: c.id });
    expect((await sse.result()).errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
  });

  it("answers RATE_LIMITED for a subscription past the per-socket bound", async () => {
    const { bob } = await team();
    const c = await connectors(limited.as(bob.key)).created({ presetSlug: "github", scope: "PERSONAL" });
    const socket = wsClient(limited.url, bob.key);
    for (let i = 0; i < 2; i++) await subscribeWs(socket, StateChanged, { id: c.id }).next();
    const error = await subscribeWs(socket, StateChanged, { id: c.id }).error();
    // an error message for that operation; the socket stays open
    expect((error as { extensions?: { code?: string } }[])[0]?.extensions?.code).toBe("RATE_LIMITED");
  });

  it("pings graphql-ws sockets to keep them alive", async () => {
    const { alice } = await team();
    const socket = new WebSocket(wsUrl(limited.url), "graphql-transport-ws");
    const pinged = new Promise<void>((resolve, reject) => {
      socket.once("ping", () => resolve());
      setTimeout(() => reject(new Error(`no ping within ${WAIT_MS} ms`)), WAIT_MS);
    });
    socket.once("open", () => socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${alice.key}` } })));
    await pinged;
    socket.close();
  });

  it("on stop, completes subscriptions (graphql-ws and SSE) and closes sockets with 1001", async () => {
    const own = await startServer();
    const { alice } = await team();
    const c = await connectors(own.as(alice.key)).created({ presetSlug: "github" });
    // not lazy: the client would otherwise close the socket itself once its last subscription ended
    let closed: (e: unknown) => void = () => {};
    const closedWith = new Promise<unknown>((resolve, reject) => {
      closed = resolve;
      setTimeout(() => reject(new Error(`no close within ${WAIT_MS} ms`)), WAIT_MS);
    });
    const ws = subscribeWs(wsClient(own.url, alice.key, { lazy: false, onClosed: (e) => closed(e) }), StateChanged, { id: c.id });
    const sse = subscribeSse(own.url, alice.key, StateChanged, { id: c.id });
    await ws.next();
    await sse.next();
    await own.stop();
    await ws.completed();
    await sse.completed();
    expect(closeCode(await closedWith)).toBe(1001);
  });
});
