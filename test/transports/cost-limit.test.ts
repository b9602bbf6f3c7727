import { createClient } from "graphql-ws";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { closeAll, wsUrl } from "../helpers/subscriptions.js";

// `connectors(first: 10) { nodes { id name } }`: the field, then 10 × (nodes, id, name) = 31
const LIST = "query CostList { connectors(first: 10) { nodes { id name } } }";

describe("a leaky bucket of query cost per API key", async () => {
  const server = await startServer({ app: { config: { costLimit: { capacity: 70, restorePerSecond: 1 } } } });
  afterEach(closeAll);

  const post = async (key: string, query: string, accept = "application/json") => {
    const res = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept, authorization: `Bearer ${key}` },
      body: JSON.stringify({ query }),
    });
    return { status: res.status, retryAfter: res.headers.get("retry-after"), body: (await res.json()) as Record<string, any> };
  };

  it("reports each operation's cost, refuses with 429 and retryAfter once spent, and keeps keys apart", async () => {
    const { alice, bob } = await team();
    const first = await post(alice.key, LIST);
    expect(first.status).toBe(200);
    expect(first.body.extensions.cost).toEqual({ requested: 31, remaining: 39, capacity: 70, restorePerSecond: 1 });
    expect((await post(alice.key, LIST)).body.extensions.cost.remaining).toBeLessThanOrEqual(9);
    const refused = await post(alice.key, LIST);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(20);
    expect(refused.body.errors[0].extensions).toMatchObject({ code: "RATE_LIMITED", retryAfter: Number(refused.retryAfter) });
    expect(refused.body.data ?? null).toBeNull();
    // another key has its own bucket
    expect((await post(bob.key, LIST)).status).toBe(200);
  });

  it("refuses an operation that costs more than the bucket holds, whatever is left", async () => {
    const { alice } = await team();
    const res = await post(alice.key, "query Big { connectors(first: 100) { nodes { id } } }");
    expect(res.status).toBe(429);
    expect(res.body.errors[0].message).toMatch(/costs 201 points, more than the 70/);
  });

  it("charges SSE subscriptions from the same bucket, refusing with 429 and Retry-After", async () => {
    const { alice } = await team();
    await post(alice.key, LIST);
    await post(alice.key, LIST);
    const c = await post(alice.key, "query Id { viewer { role } }");
    expect(c.status).toBe(200);
    const res = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream", authorization: `Bearer ${alice.key}` },
      body: JSON.stringify({ query: "subscription Events { connectorEvents { id kind version connector { id name } } }" }),
    });
    const text = await res.text();
    expect([res.status, res.headers.get("retry-after") !== null]).toEqual([429, true]);
    expect(text).toContain("RATE_LIMITED");
  });

  it("charges graphql-ws operations from the same bucket, refusing with an error for the operation", async () => {
    const { alice } = await team();
    const client = createClient({ url: wsUrl(server.url), webSocketImpl: WebSocket, lazy: false, retryAttempts: 0, connectionParams: { authorization: `Bearer ${alice.key}` } });
    try {
      const run = () =>
        new Promise<unknown>((resolve) => client.subscribe({ query: LIST }, { next: resolve, error: resolve, complete: () => {} }));
      const ok = (await run()) as { extensions?: { cost?: { requested: number } } };
      expect(ok.extensions?.cost?.requested).toBe(31);
      await run();
      const refused = (await run()) as { errors?: { extensions?: { code?: string; retryAfter?: number } }[] };
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED" });
      expect(refused.errors?.[0]?.extensions?.retryAfter).toBeGreaterThan(0);
      // and HTTP sees the same bucket
      expect((await post(alice.key, LIST)).status).toBe(429);
    } finally {
      await client.dispose();
    }
  });
});
