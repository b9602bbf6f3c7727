import { describe, expect, it } from "vitest";
import { prisma } from "../helpers/database.js";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { agent, connected, eventually, rpcError, toolCalls } from "./agent.js";
import { toolServer } from "./upstream.js";

const row = (id: string) => prisma.connector.findUniqueOrThrow({ where: { id } });

describe("the gateway's limits: call timeout, response size, request size, calls and sessions per key; a failing server's health", async () => {
  const server = await startServer({
    app: {
      config: {
        upstream: { callTimeoutMs: 600, maxResponseBytes: 64 * 1024, healthFailures: 2 },
        gateway: { maxConcurrentCalls: 2, maxRequestBytes: 4 * 1024 },
      },
    },
  });
  const upstream = await toolServer();
  const { alice, bob } = await team();
  const gql = server.as(alice.key);

  it("ends a call the server does not answer within MCP_CALL_TIMEOUT, cancels it upstream, and counts it toward health", async () => {
    const c = await connected(gql, upstream.url);
    const a = await agent(c.mcpEndpoint, alice.key);
    const before = upstream.cancelled.length;
    const e = await rpcError(a.client.callTool({ name: "hang", arguments: {} }));
    expect(e).toMatchObject({ code: -32001, data: { reason: "TIMEOUT", outcome: "TIMEOUT" } });
    expect(e.message).toBe("The server did not answer tools/call within 600 ms (MCP_CALL_TIMEOUT)");
    await eventually(async () => upstream.cancelled.length, (n) => n > before, "the server to see the cancel");
    expect((await toolCalls(gql, c.id))!.calls[0]).toMatchObject({ toolName: "hang", outcome: "TIMEOUT", errorMessage: "The server did not answer tools/call within 600 ms" });
    expect(await row(c.id)).toMatchObject({ state: "CONNECTED", healthFailures: 1, lastError: "The server did not answer tools/call within 600 ms" });

    // an answer clears the failure; HEALTH_FAILURES timeouts in a row are ERROR, and then calls are refused
    await a.client.callTool({ name: "read_ticket", arguments: {} });
    expect(await row(c.id)).toMatchObject({ state: "CONNECTED", healthFailures: 0, lastError: null });
    for (let i = 0; i < 2; i++) await rpcError(a.client.callTool({ name: "hang", arguments: {} }));
    expect(await row(c.id)).toMatchObject({ state: "ERROR", statusReason: "The server did not answer tools/call within 600 ms" });
    expect(await rpcError(a.client.callTool({ name: "read_ticket", arguments: {} }))).toMatchObject({ code: -32010, data: { reason: "NOT_CONNECTED", state: "ERROR" } });
  });

  it("cuts off an answer past MCP_MAX_RESPONSE as it streams", async () => {
    const c = await connected(gql, upstream.url);
    const a = await agent(c.mcpEndpoint, alice.key);
    expect((await a.client.callTool({ name: "slow_report", arguments: { size: 60_000 } })).content).toHaveLength(1);
    const e = await rpcError(a.client.callTool({ name: "slow_report", arguments: { size: 200_000 } }));
    expect(e).toMatchObject({ code: -32013, message: "The server's answer exceeded 65536 bytes (MCP_MAX_RESPONSE)", data: { reason: "TOO_LARGE", outcome: "ERROR" } });
    expect((await toolCalls(gql, c.id))!.calls.map((r) => r.outcome)).toEqual(["ERROR", "OK"]);
    // the server is fine: its session is kept and its health untouched
    expect(await a.client.callTool({ name: "read_ticket", arguments: {} })).toBeTruthy();
    expect(await row(c.id)).toMatchObject({ state: "CONNECTED", healthFailures: 0 });
  });

  it("refuses a request body past MCP_MAX_REQUEST with 413, before it reaches any session", async () => {
    const c = await connected(gql, upstream.url);
    const a = await agent(c.mcpEndpoint, alice.key);
    const calls = upstream.calls.length;
    await expect(a.client.callTool({ name: "read_ticket", arguments: { text: "y".repeat(8_000) } })).rejects.toThrow(/Request body too large: at most 4096 bytes \(MCP_MAX_REQUEST\)/);
    expect(upstream.calls.length).toBe(calls);
    expect(await a.client.callTool({ name: "read_ticket", arguments: { text: "small" } })).toBeTruthy();
  });

  it("holds each API key to MCP_MAX_CONCURRENT_CALLS calls in flight; another key is not held up", async () => {
    const c = await connected(gql, upstream.url);
    const a = await agent(c.mcpEndpoint, alice.key);
    const started = upstream.started.length;
    const hanging = [0, 1].map(() => rpcError(a.client.callTool({ name: "hang", arguments: {} })));
    await eventually(async () => upstream.started.length, (n) => n === started + 2, "both calls to reach the server");
    const busy = await rpcError(a.client.callTool({ name: "read_ticket", arguments: {} }));
    expect(busy).toMatchObject({ code: -32011, data: { reason: "BUSY", outcome: "REFUSED" } });
    expect(busy.message).toMatch(/at most 2 at once/);
    const b = await agent(c.mcpEndpoint, bob.key);
    expect(await b.client.callTool({ name: "read_ticket", arguments: {} })).toBeTruthy();
    await Promise.all(hanging);
    // the slots are free again (on another connector: two timeouts in a row made this one ERROR)
    expect(server.app.gateway.stats.calls).toBe(0);
    const other = await agent((await connected(gql, upstream.url)).mcpEndpoint, alice.key);
    expect(await other.client.callTool({ name: "read_ticket", arguments: {} })).toBeTruthy();
  });

  it("holds each API key to MCP_MAX_SESSIONS open sessions (429 on initialize), and frees one on DELETE", async () => {
    const capped = await startServer({ app: { config: { gateway: { maxSessionsPerKey: 3 } } } });
    const { alice: carol } = await team();
    const c = await connected(capped.as(carol.key), upstream.url);
    const open = [await agent(c.mcpEndpoint, carol.key), await agent(c.mcpEndpoint, carol.key), await agent(c.mcpEndpoint, carol.key)];
    const refused = await agent(c.mcpEndpoint, carol.key).then(
      () => null,
      (e: Error) => e,
    );
    expect(refused?.message).toMatch(/Too many open sessions for this API key or user \(at most 3\)/);
    await open[0].close();
    const again = await agent(c.mcpEndpoint, carol.key);
    expect(await again.client.callTool({ name: "read_ticket", arguments: {} })).toBeTruthy();
  });

  it("ends the sessions of a key revoked while they are open", async () => {
    const rechecking = await startServer({ app: { limits: { keyRecheckMs: 100 } } });
    const { alice: dave } = await team();
    const c = await connected(rechecking.as(dave.key), upstream.url);
    const a = await agent(c.mcpEndpoint, dave.key);
    await a.client.callTool({ name: "read_ticket", arguments: {} });
    expect(rechecking.app.gateway.stats.sessions).toBe(1);
    // what `npm run cli -- keys revoke` writes, from another process: found by the recheck
    await prisma.apiKey.update({ where: { id: dave.keyId }, data: { revokedAt: new Date() } });
    await eventually(async () => rechecking.app.gateway.stats.sessions, (n) => n === 0, "the session to end");
    await expect(a.client.callTool({ name: "read_ticket", arguments: {} })).rejects.toThrow(/401|invalid API key/i);
  });

  it("says so when the server cannot be reached, and counts it toward health", async () => {
    const gone = await toolServer();
    const c = await connected(gql, gone.url);
    const a = await agent(c.mcpEndpoint, alice.key);
    await a.client.callTool({ name: "read_ticket", arguments: {} });
    await gone.stop();
    const e = await rpcError(a.client.callTool({ name: "read_ticket", arguments: {} }));
    expect(e).toMatchObject({ code: -32012, data: { outcome: "ERROR" } });
    expect(e.message).toMatch(/^The connector's server failed: /);
    expect((await toolCalls(gql, c.id))!.calls[0]).toMatchObject({ outcome: "ERROR" });
    expect(await row(c.id)).toMatchObject({ state: "CONNECTED", healthFailures: 1 });
  });
});
