import { LoggingMessageNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { connectors, member } from "../connectors/api.js";
import { onQuery, prisma } from "../helpers/database.js";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { agent, connected, eventually, rpcError, toolCalls } from "./agent.js";
import { toolServer } from "./upstream.js";

const TOKEN = "upstream-secret-token-calls-0123456789";

describe("tools/call through /mcp/{connectorId}", async () => {
  const server = await startServer();
  const upstream = await toolServer({ auth: { bearer: TOKEN } });
  const { alice } = await team();
  const gql = server.as(alice.key);

  it("forwards the call with the stored credential; the agent gets the result and never the credential", async () => {
    const c = await connected(gql, upstream.url, { accessToken: TOKEN });
    const a = await agent(c.mcpEndpoint, alice.key);
    const seen = upstream.seen.length;
    const result = await a.client.callTool({ name: "read_ticket", arguments: { id: "7" } });
    expect(result.content).toEqual([{ type: "text", text: JSON.stringify({ tool: "read_ticket", arguments: { id: "7" } }) }]);
    expect(upstream.calls.at(-1)).toEqual({ name: "read_ticket", arguments: { id: "7" }, authorization: `Bearer ${TOKEN}` });
    // the first call opens the session the connector's calls share (connect tried the credential in its own)
    expect(upstream.seen.slice(seen).map((s) => s.rpc)).toEqual(["initialize", "notifications/initialized", undefined, "tools/call"]);
    // a second call reuses it: one POST
    const again = upstream.seen.length;
    await a.client.callTool({ name: "read_ticket", arguments: { id: "8" } });
    expect(upstream.seen.slice(again).map((s) => s.rpc)).toEqual(["tools/call"]);
    expect(JSON.stringify([result, await a.client.listTools()])).not.toContain(TOKEN);

    const { calls, totalCount } = (await toolCalls(gql, c.id))!;
    expect(totalCount).toBe(2);
    expect(calls[0]).toMatchObject({ toolName: "read_ticket", outcome: "OK", errorMessage: null, apiKeyId: alice.keyId, user: { id: alice.userId }, connector: { id: c.id } });
    expect(calls[0].durationMs).toBeGreaterThanOrEqual(0);
    expect(new Date(calls[0].startedAt) >= new Date(calls[1].startedAt)).toBe(true);
  });

  it("refuses unknown, disabled and pendingReview tools with a JSON-RPC error, never calling upstream, and records each", async () => {
    const c = await connected(gql, upstream.url, { accessToken: TOKEN });
    member(await connectors(gql).setTool(c.id, "close_ticket", true), "SetToolDisabledSuccess");
    await prisma.connectorTool.update({ where: { connectorId_name: { connectorId: c.id, name: "fail" } }, data: { disabled: true, pendingReview: true } });
    const a = await agent(c.mcpEndpoint, alice.key);
    const calls = upstream.calls.length;
    const refused = await Promise.all(["nope", "close_ticket", "fail"].map((name) => rpcError(a.client.callTool({ name, arguments: {} }))));
    expect(refused.map((e) => [e.code, e.data?.reason, e.data?.outcome])).toEqual([
      [-32602, "UNKNOWN_TOOL", "REFUSED"],
      [-32602, "TOOL_DISABLED", "REFUSED"],
      [-32602, "TOOL_PENDING_REVIEW", "REFUSED"],
    ]);
    expect(refused.map((e) => e.message)).toEqual([
      'Unknown tool: "nope"',
      'The tool "close_ticket" is disabled on this connector',
      'The tool "fail" changed on its server and is held for review: someone who manages the connector must enable it again',
    ]);
    expect(upstream.calls.length).toBe(calls);
    const rows = (await toolCalls(gql, c.id, { outcome: ["REFUSED"] }))!;
    expect(rows.calls.map((r) => [r.toolName, r.errorMessage]).sort()).toEqual(refused.map((e, i) => [["nope", "close_ticket", "fail"][i], e.message]).sort());
    expect((await toolCalls(gql, c.id, { toolName: "nope" }))!.calls.map((r) => r.id)).toEqual([refused[0].data?.toolCallId]);
    expect((await toolCalls(gql, c.id, { outcome: ["OK"] }))!.totalCount).toBe(0);
  });

  it("streams the server's progress to the agent, then a long result", async () => {
    const c = await connected(gql, upstream.url, { accessToken: TOKEN });
    const a = await agent(c.mcpEndpoint, alice.key);
    const progress: unknown[] = [];
    const result = await a.client.callTool({ name: "slow_report", arguments: { size: 2_000_000 } }, undefined, { onprogress: (p) => progress.push(p) });
    expect(progress).toEqual([1, 2, 3, 4, 5].map((i) => ({ progress: i, total: 5, message: `step ${i}` })));
    expect((result.content as { text: string }[])[0].text).toHaveLength(2_000_000);
  });

  it("passes the server's log messages of a call to the agent that made it, at the level it set, cleared of the credential", async () => {
    const c = await connected(gql, upstream.url, { accessToken: TOKEN });
    const [a, b] = [await agent(c.mcpEndpoint, alice.key), await agent(c.mcpEndpoint, alice.key)];
    const heard = { a: [] as unknown[], b: [] as unknown[] };
    a.client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => void heard.a.push(n.params));
    b.client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => void heard.b.push(n.params));
    expect(a.client.getServerCapabilities()?.logging).toEqual({});

    // both agents' calls share one upstream session: b's other call, made at the same time, hears nothing of a's
    const [result] = await Promise.all([a.client.callTool({ name: "chatty", arguments: { id: "7" } }), b.client.callTool({ name: "read_ticket", arguments: {} })]);
    expect(result.content).toEqual([{ type: "text", text: "said it all" }]);
    expect(heard.a).toEqual([
      { level: "debug", logger: "test-tools", data: "opening" },
      { level: "info", logger: "test-tools", data: { step: "read", header: "[redacted]" } },
      { level: "error", logger: "test-tools", data: "done for 7" },
    ]);
    expect(heard.b).toEqual([]);
    expect(JSON.stringify(heard)).not.toContain(TOKEN);

    await a.client.setLoggingLevel("warning");
    heard.a.length = 0;
    await a.client.callTool({ name: "chatty", arguments: { id: "8" } });
    expect(heard.a).toEqual([{ level: "error", logger: "test-tools", data: "done for 8" }]);
    // the level is the session's own
    await b.client.callTool({ name: "chatty", arguments: { id: "9" } });
    expect(heard.b).toHaveLength(3);
  });

  it("passes on a result with isError as it is (outcome OK), and a server's JSON-RPC error with its code and the credential cut out", async () => {
    const c = await connected(gql, upstream.url, { accessToken: TOKEN });
    const a = await agent(c.mcpEndpoint, alice.key);
    expect(await a.client.callTool({ name: "soft_fail", arguments: {} })).toMatchObject({ isError: true, content: [{ text: "no such ticket" }] });
    const e = await rpcError(a.client.callTool({ name: "fail", arguments: {} }));
    expect(e).toMatchObject({ code: -32602, message: "the ticket does not exist (you sent [redacted])", data: { reason: "REJECTED", outcome: "ERROR" } });
    const rows = (await toolCalls(gql, c.id))!.calls;
    expect(rows.map((r) => [r.toolName, r.outcome])).toEqual([["fail", "ERROR"], ["soft_fail", "OK"]]);
    expect(rows[0].errorMessage).toBe("The server answered with an error (-32602): the ticket does not exist (you sent [redacted])");
    expect(JSON.stringify([e, rows]) + server.logs.join("")).not.toContain(TOKEN);
    // the server answered: that is no failure of its health
    expect(await prisma.connector.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ state: "CONNECTED", healthFailures: 0, lastError: null });
  });

  it("cancels upstream when the agent cancels (notifications/cancelled both ways), recorded CANCELLED", async () => {
    const c = await connected(gql, upstream.url, { accessToken: TOKEN });
    const a = await agent(c.mcpEndpoint, alice.key);
    const abort = new AbortController();
    const reached = upstream.reached("hang");
    const call = a.client.callTool({ name: "hang", arguments: {} }, undefined, { signal: abort.signal });
    await reached;
    const cancelledBefore = upstream.cancelled.length;
    abort.abort("the user moved on");
    await expect(call).rejects.toThrow();
    await eventually(async () => upstream.cancelled.length, (n) => n > cancelledBefore, "the server to see the cancel");
    const rows = await eventually(() => toolCalls(gql, c.id), (r) => r!.totalCount === 1, "the call's row");
    expect(rows!.calls[0]).toMatchObject({ toolName: "hang", outcome: "CANCELLED", errorMessage: "The agent cancelled the call" });
    expect(server.app.gateway.stats.calls).toBe(0);
  });

  it("refuses a tool disabled, or a connector deactivated, a moment after a call that read them", async () => {
    const c = await connected(gql, upstream.url, { accessToken: TOKEN });
    const a = await agent(c.mcpEndpoint, alice.key);
    await a.client.callTool({ name: "read_ticket", arguments: {} });
    member(await connectors(gql).setTool(c.id, "read_ticket", true), "SetToolDisabledSuccess");
    expect((await rpcError(a.client.callTool({ name: "read_ticket", arguments: {} }))).data?.reason).toBe("TOOL_DISABLED");
    member(await connectors(gql).setTool(c.id, "read_ticket", false), "SetToolDisabledSuccess");
    await a.client.callTool({ name: "read_ticket", arguments: {} });
    await connectors(gql).update({ id: c.id, isActive: false });
    expect((await rpcError(a.client.callTool({ name: "read_ticket", arguments: {} }))).data?.reason).toBe("INACTIVE");
  });

  it("reads nothing it read a moment ago: a call in a loop costs its ToolCall insert alone", async () => {
    const c = await connected(gql, upstream.url, { accessToken: TOKEN });
    const a = await agent(c.mcpEndpoint, alice.key);
    await a.client.callTool({ name: "read_ticket", arguments: {} }); // opens the upstream session
    const counts: number[] = [];
    for (let i = 0; i < 5; i++) {
      let n = 0;
      const stop = onQuery(() => n++);
      await a.client.callTool({ name: "read_ticket", arguments: { i } });
      await server.app.services.toolCalls.flush(); // the row is written just after the answer
      stop();
      counts.push(n);
    }
    // the key, the connector and its tools are read again once their second is up (at most 4)
    expect(Math.max(...counts)).toBeLessThanOrEqual(4);
    expect(counts.filter((n) => n === 1).length).toBeGreaterThanOrEqual(3);
  });
});
