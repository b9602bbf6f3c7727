import { afterAll, describe, expect, it } from "vitest";
import { connectors, member } from "../connectors/api.js";
import { prisma } from "../helpers/database.js";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { startMcp, tool } from "../servers/mcp-servers.js";
import { agent, connected, rpcError } from "./agent.js";

const TOKEN = "upstream-secret-token-0123456789";

describe("the gateway's /mcp/{connectorId}: who gets in, and tools/list", async () => {
  const server = await startServer();
  const upstream = await startMcp({
    auth: { bearer: TOKEN },
    tools: [
      tool("read_ticket", { annotations: { readOnlyHint: true } }),
      tool("close_ticket", { annotations: { readOnlyHint: false, destructiveHint: true }, title: "Close a ticket" }),
      tool("add_note", { annotations: { readOnlyHint: false, destructiveHint: false } }),
    ],
  });
  afterAll(() => upstream.stop());
  const { alice } = await team();
  const gql = server.as(alice.key);
  const endpoint = (id: string) => `${server.url}/mcp/${id}`;

  it("lists the connector's tools from the synced table, with the hints Plugboard decided, asking the server nothing", async () => {
    const c = await connected(gql, upstream.url, { accessToken: TOKEN });
    expect(c.mcpEndpoint).toBe(endpoint(c.id));
    const before = upstream.seen.length;
    const a = await agent(c.mcpEndpoint, alice.key);
    const { tools } = await a.client.listTools();
    expect(tools.map((t) => t.name)).toEqual(["read_ticket", "close_ticket", "add_note"]);
    expect(tools.map((t) => t.annotations)).toEqual([
      { readOnlyHint: true, destructiveHint: false },
      { readOnlyHint: false, destructiveHint: true },
      // a WRITE tool requires confirmation (tool-sync.ts): agent UIs ask before it
      { readOnlyHint: false, destructiveHint: true },
    ]);
    expect(tools[1]).toMatchObject({ title: "Close a ticket", description: "close_ticket does its job", inputSchema: { type: "object" } });
    expect(upstream.seen.length).toBe(before);
  });

  it("leaves out disabled tools and tools held for review", async () => {
    const c = await connected(gql, upstream.url, { accessToken: TOKEN });
    member(await connectors(gql).setTool(c.id, "add_note", true), "SetToolDisabledSuccess");
    await prisma.connectorTool.update({ where: { connectorId_name: { connectorId: c.id, name: "read_ticket" } }, data: { disabled: true, pendingReview: true } });
    const a = await agent(c.mcpEndpoint, alice.key);
    expect((await a.client.listTools()).tools.map((t) => t.name)).toEqual(["close_ticket"]);
  });

  it.each([
    ["inactive", { isActive: false }, "INACTIVE", /is inactive \(isActive is false\)/],
    ["not enabled for agents", { agentEnabled: false }, "AGENT_DISABLED", /is not enabled for agents \(agentEnabled is false\)/],
  ] as const)("answers a connector that is %s with a JSON-RPC error saying so, and nothing goes upstream", async (_what, input, reason, message) => {
    const c = await connected(gql, upstream.url, { accessToken: TOKEN });
    member(await connectors(gql).update({ id: c.id, ...input }), "UpdateConnectorSuccess");
    const a = await agent(c.mcpEndpoint, alice.key);
    const before = upstream.seen.length;
    const listed = await rpcError(a.client.listTools());
    expect(listed).toMatchObject({ code: -32010, data: { reason, state: "CONNECTED" } });
    expect(listed.message).toMatch(message);
    const called = await rpcError(a.client.callTool({ name: "close_ticket", arguments: { id: "1" } }));
    expect(called).toMatchObject({ code: -32010, data: { reason, outcome: "REFUSED" } });
    expect(upstream.seen.length).toBe(before);
  });

  it("answers a connector that is not CONNECTED with its state and reason", async () => {
    const c = await connected(gql, upstream.url, { accessToken: TOKEN });
    member(await connectors(gql).disconnect(c.id, "rotating keys"), "DisconnectConnectorSuccess");
    const a = await agent(c.mcpEndpoint, alice.key);
    const e = await rpcError(a.client.listTools());
    expect(e).toMatchObject({ code: -32010, data: { reason: "NOT_CONNECTED", state: "DISCONNECTED" } });
    expect(e.message).toMatch(/is DISCONNECTED, not CONNECTED \(Disconnected: rotating keys\)/);
  });

  it("answers a missing or unknown API key with 401 and WWW-Authenticate, an unknown connector with 404", async () => {
    const c = await connected(gql, upstream.url, { accessToken: TOKEN });
    const init = { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "x", version: "1" } } };
    const post = (url: string, key?: string) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify(init),
      });
    const none = await post(endpoint(c.id));
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe('Bearer realm="plugboard"');
    const bad = await post(endpoint(c.id), "pb_not-a-key");
    expect(bad.status).toBe(401);
    expect(bad.headers.get("www-authenticate")).toBe('Bearer realm="plugboard", error="invalid_token"');
    expect((await bad.json()).error.message).toMatch(/Missing or invalid API key/);
    for (const id of ["conn_00000000000000000000000000", "not-an-id"]) expect((await post(endpoint(id), alice.key)).status).toBe(404);
    await expect(agent(endpoint("conn_00000000000000000000000000"), alice.key)).rejects.toThrow(/No connector with id conn_0+/);
    await expect(agent(c.mcpEndpoint, null)).rejects.toThrow(/Missing or invalid API key/);
  });
});
