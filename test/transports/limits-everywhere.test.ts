import { createClient } from "graphql-ws";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { closeAll, wsUrl } from "../helpers/subscriptions.js";

const aliases = (n: number) => `query Many { ${Array.from({ length: n }, (_, i) => `a${i}: viewer { role }`).join(" ")} }`;
const directives = (n: number) => `query Directed { viewer { role ${"@include(if: true) ".repeat(n)} } }`;

/** Every operation is refused by a GraphQL limit, the same way on each transport. */
const REFUSED = [
  { name: "aliases", query: aliases(40) },
  { name: "directives", query: directives(60) },
  { name: "tokens", query: `query Tokens { viewer { ${"role ".repeat(6000)} } }` },
];

describe("GraphQL limits hold on every transport, as an error for the operation", async () => {
  const server = await startServer();
  const { alice } = await team();
  afterEach(closeAll);

  async function overHttp(query: string) {
    const res = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${alice.key}` },
      body: JSON.stringify({ query }),
    });
    return { status: res.status, body: (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] } };
  }

  it("refuses over graphql-ws with an error message, and the socket's other operations go on", async () => {
    const closes: number[] = [];
    const client = createClient({ url: wsUrl(server.url), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${alice.key}` }, lazy: false, retryAttempts: 0, on: { closed: (e) => closes.push((e as { code: number }).code) } });
    try {
      for (const { name, query } of REFUSED) {
        const http = await overHttp(query);
        expect(http.body.errors?.length, name).toBe(1);
        const overWs = await new Promise<unknown>((resolve) => client.subscribe({ query }, { next: () => {}, error: resolve, complete: () => resolve("complete") }));
        expect(Array.isArray(overWs), `${name}: ${JSON.stringify(overWs)}`).toBe(true);
        expect((overWs as { message: string }[])[0].message).toBe(http.body.errors![0].message);
        // the same socket still answers
        const role = await new Promise<unknown>((resolve, reject) => client.subscribe({ query: "{ viewer { role } }" }, { next: resolve, error: reject, complete: () => {} }));
        expect(role).toEqual({ data: { viewer: { role: "ADMIN" } } });
      }
      expect(closes).toEqual([]);
    } finally {
      await client.dispose();
    }
  });

  it("refuses a graphql-ws frame over 1 MB by closing with 1009, as HTTP refuses such a body", async () => {
    const socket = new WebSocket(wsUrl(server.url), "graphql-transport-ws");
    await new Promise((r) => socket.once("open", r));
    const closed = new Promise<number>((r) => socket.once("close", (code) => r(code)));
    socket.send(JSON.stringify({ type: "connection_init", payload: { pad: "x".repeat(1_100_000) } }));
    expect(await closed).toBe(1009);
  });

  it("refuses a GraphQL body over 1 MB with 413 before reading it, and one without a length with 411", async () => {
    const big = JSON.stringify({ query: `{ viewer { role } } # ${"x".repeat(1_100_000)}` });
    const res = await fetch(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${alice.key}` }, body: big });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
    const chunked = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${alice.key}` },
      body: new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode('{"query":"{ viewer { role } }"}')), c.close()) }),
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(411);
  });
});
