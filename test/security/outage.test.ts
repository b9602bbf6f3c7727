import { createServer, connect, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { createClient } from "graphql-ws";
import { afterAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { openDatabase } from "../../src/db/client.js";
import { UNAVAILABLE_MESSAGE } from "../../src/db/unavailable.js";
import { prisma } from "../helpers/database.js";
import { createActor, startServer } from "../helpers/server.js";
import { wsUrl } from "../helpers/subscriptions.js";

// Issue 12, class 1: during a database outage a client hears 503 SERVICE_UNAVAILABLE with
// Retry-After (HTTP, SSE) or an `error` for its operation / a 1011 close (graphql-ws), and nothing of
// the error itself: no Prisma text, no host, no port, no stack. PostgreSQL only: the server reaches
// this file's database through a loopback TCP proxy, and the outage is the proxy closing (the shared
// PostgreSQL is never touched).

const base = process.env.TEST_DATABASE_URL;

/** A TCP proxy in front of PostgreSQL; cut() refuses new connections and drops the open ones. */
async function startProxy(target: URL) {
  const sockets = new Set<Socket>();
  const proxy = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => {});
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  return {
    port: (proxy.address() as AddressInfo).port,
    cut: () =>
      new Promise<void>((resolve) => {
        proxy.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}

describe.skipIf(!base)("a database outage", async () => {
  // vitest collects a skipped suite too: without PostgreSQL there is nothing to set up
  if (!base) return it("needs PostgreSQL (TEST_DATABASE_URL)", () => {});
  // this file's database (opened with a first server on it), reached through the proxy
  await startServer();
  const [{ name }] = await prisma.$queryRawUnsafe<{ name: string }[]>("SELECT current_database()::text AS name");
  const target = new URL(base!);
  const proxy = await startProxy(target);
  const viaProxy = new URL(base!);
  viaProxy.hostname = "127.0.0.1";
  viaProxy.port = String(proxy.port);
  viaProxy.pathname = `/${name}`;
  const database = await openDatabase({ kind: "postgres", url: viaProxy.toString() }, { poolSize: 2 });
  afterAll(() => database.close().catch(() => {}));
  // nothing trusted from before the outage: every request needs the database to know its key
  const server = await startServer({ app: { db: database.db, config: { viewerCacheMs: 0 } } });
  const actor = await createActor();

  // what must never reach a client: the driver's words and where the database is
  const LEAKS = [/prisma/i, /ECONNREFUSED/, /can't reach/i, new RegExp(`:${proxy.port}\\b`), new RegExp(`\\b${proxy.port}\\b`), /\b5432\b/, /127\.0\.0\.1/, /\n\s+at /, target.hostname];
  const expectNoLeak = (text: string) => {
    for (const leak of LEAKS) expect(text).not.toMatch(leak);
  };

  // a socket authenticated before the outage
  const early = createClient({ url: wsUrl(server.url), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${actor.key}` }, lazy: false, retryAttempts: 0, onNonLazyError: () => {} });
  afterAll(() => early.dispose());
  const ok = await new Promise<unknown>((resolve, reject) => {
    early.subscribe({ query: "{ connectors { totalCount } }" }, { next: resolve, error: reject, complete: () => {} });
  });
  expect(ok).toEqual({ data: { connectors: { totalCount: 0 } } });
  await proxy.cut();

  it("answers HTTP queries and mutations with 503, Retry-After and SERVICE_UNAVAILABLE, and nothing of the error", async () => {
    for (const query of ["{ connectors { totalCount } }", "{ viewer { role } }", 'mutation { createConnector(input: { presetSlug: "github" }) { __typename } }']) {
      for (const accept of ["application/json", "application/graphql-response+json"]) {
        const res = await fetch(`${server.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", accept, authorization: `Bearer ${actor.key}` },
          body: JSON.stringify({ query }),
        });
        const text = await res.text();
        expect([query, accept, res.status, res.headers.get("retry-after")]).toEqual([query, accept, 503, "5"]);
        const body = JSON.parse(text);
        expect(body.errors[0]).toMatchObject({ message: UNAVAILABLE_MESSAGE, extensions: { code: "SERVICE_UNAVAILABLE" } });
        expectNoLeak(text);
      }
    }
  });

  it("answers an SSE subscription with 503 and Retry-After too", async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream", authorization: `Bearer ${actor.key}` },
      body: JSON.stringify({ query: "subscription { connectorEvents { id } }" }),
    });
    const text = await res.text();
    expect([res.status, res.headers.get("retry-after")]).toEqual([503, "5"]);
    expect(text).toContain("SERVICE_UNAVAILABLE");
    expectNoLeak(text);
  });

  it("closes a graphql-ws connection_init it cannot check with 1011 and a generic reason", async () => {
    const closed = await new Promise<{ code: number; reason: string }>((resolve) => {
      const ws = new WebSocket(wsUrl(server.url), "graphql-transport-ws");
      ws.on("open", () => ws.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${actor.key}` } })));
      ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() }));
    });
    expect(closed).toEqual({ code: 1011, reason: UNAVAILABLE_MESSAGE });
  });

  it("sends an already open socket an `error` for its operation, with the same code", async () => {
    for (const query of ["{ connectors { totalCount } }", "subscription { connectorStateChanged(id: \"conn_000000000000000000000000\") { id } }"]) {
      const outcome = await new Promise<unknown>((resolve) => {
        early.subscribe({ query }, { next: (r) => resolve({ next: r }), error: (e) => resolve({ error: e }), complete: () => resolve("complete") });
      });
      expect(outcome).toEqual({ error: [{ message: UNAVAILABLE_MESSAGE, extensions: { code: "SERVICE_UNAVAILABLE", retryAfter: 5 } }] });
      expectNoLeak(JSON.stringify(outcome));
    }
  });

  it("answers the OAuth callback with 503 and Retry-After too", async () => {
    const res = await fetch(`${server.url}/oauth/callback?state=${"a".repeat(43)}&code=x`, { redirect: "manual" });
    const text = await res.text();
    expect([res.status, res.headers.get("retry-after")]).toEqual([503, "5"]);
    expectNoLeak(text);
  });

  it("answers the MCP gateway with 503 and Retry-After too", async () => {
    const res = await fetch(`${server.url}/mcp`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", authorization: `Bearer ${actor.key}` },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "t", version: "1" } } }),
    });
    const text = await res.text();
    expect([res.status, res.headers.get("retry-after")]).toEqual([503, "5"]);
    expectNoLeak(text);
  });

  it("tells the operator what happened, in the log", () => {
    expect(server.logs.join("")).toMatch(/P1001|ECONNREFUSED|reach database/);
  });
});
