import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { describe, expect, it } from "vitest";
import { graphql } from "../gql/index.js";
import { ok } from "../helpers/graphql.js";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { agent, connected, rpcError, toolCalls } from "./agent.js";
import { toolServer } from "./upstream.js";

const NodeQuery = graphql(`
  query GatewayNode($id: ID!) { node(id: $id) { id ... on ToolCall { toolName outcome } } }
`);

describe("two organizations, two users: a key reaches no one else's connector on either endpoint", async () => {
  const server = await startServer();
  const upstream = await toolServer();
  const acme = await team();
  const globex = await team();
  const [alice, bob, carol] = [acme.alice, acme.bob, globex.alice];
  const shared = await connected(server.as(alice.key), upstream.url, {}, { name: "Acme desk" });
  const alicesOwn = await connected(server.as(alice.key), upstream.url, {}, { name: "Alice mail", scope: "PERSONAL" });
  const bobsOwn = await connected(server.as(bob.key), upstream.url, {}, { name: "Bob mail", scope: "PERSONAL" });
  const globexDesk = await connected(server.as(carol.key), upstream.url, {}, { name: "Acme desk" });

  const initialize = (url: string, key: string) =>
    fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", authorization: `Bearer ${key}` },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "x", version: "1" } } }),
    });

  it("answers 404 for a connector the key may not see: another organization's, another user's PERSONAL one", async () => {
    const cases: [string, string, number][] = [
      [shared.mcpEndpoint, bob.key, 200],
      [alicesOwn.mcpEndpoint, alice.key, 200],
      [alicesOwn.mcpEndpoint, bob.key, 404],
      [bobsOwn.mcpEndpoint, alice.key, 404],
      [shared.mcpEndpoint, carol.key, 404],
      [globexDesk.mcpEndpoint, alice.key, 404],
      [shared.mcpEndpoint, acme.orgKey.key, 200],
      [alicesOwn.mcpEndpoint, acme.orgKey.key, 404],
    ];
    for (const [url, key, status] of cases) expect([url, (await initialize(url, key)).status]).toEqual([url, status]);
  });

  it("lists on /mcp only what the key may see, and refuses the rest by name without calling upstream", async () => {
    const names = async (key: string) => (await (await agent(`${server.url}/mcp`, key)).client.listTools()).tools.map((t) => t.name.split("__")[0]);
    expect(new Set(await names(alice.key))).toEqual(new Set([shared.handle, alicesOwn.handle]));
    expect(new Set(await names(bob.key))).toEqual(new Set([shared.handle, bobsOwn.handle]));
    expect(new Set(await names(carol.key))).toEqual(new Set([globexDesk.handle]));
    // the two organizations' connectors have the same name and the same handle: each key gets its own
    expect(globexDesk.handle).toBe(shared.handle);

    const bobs = await agent(`${server.url}/mcp`, bob.key);
    const before = upstream.calls.length;
    expect((await rpcError(bobs.client.callTool({ name: `${alicesOwn.handle}__read_ticket`, arguments: {} }))).data?.reason).toBe("UNKNOWN_TOOL");
    expect(upstream.calls.length).toBe(before);
    const carols = await agent(`${server.url}/mcp`, carol.key);
    await carols.client.callTool({ name: `${globexDesk.handle}__read_ticket`, arguments: {} });
    expect((await toolCalls(server.as(carol.key), globexDesk.id))!.totalCount).toBe(1);
    expect((await toolCalls(server.as(alice.key), shared.id))!.calls.some((c) => c.outcome === "OK")).toBe(false);
  });

  it("keeps a session to the key that opened it: another key with its session id is 404", async () => {
    const alices = await agent(shared.mcpEndpoint, alice.key);
    const sessionId = (alices.client.transport as StreamableHTTPClientTransport).sessionId!;
    const ping = (key: string, url = shared.mcpEndpoint) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream", authorization: `Bearer ${key}`, "mcp-session-id": sessionId, "mcp-protocol-version": "2025-06-18" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 9, method: "tools/call", params: { name: "read_ticket", arguments: {} } }),
      });
    const before = upstream.calls.length;
    expect((await ping(carol.key)).status).toBe(404);
    expect((await ping(bob.key)).status).toBe(404);
    expect((await ping(alice.key, `${server.url}/mcp`)).status).toBe(404);
    expect(upstream.calls.length).toBe(before);
  });

  it("shows ToolCall rows to those who see the connector, and to nobody else", async () => {
    const bobs = await agent(shared.mcpEndpoint, bob.key);
    await bobs.client.callTool({ name: "read_ticket", arguments: {} });
    const [call] = (await toolCalls(server.as(alice.key), shared.id))!.calls;
    expect(call).toMatchObject({ outcome: "OK", apiKeyId: bob.keyId, user: { id: bob.userId } });
    expect(ok(await server.as(alice.key).run(NodeQuery, { id: call.id })).node).toMatchObject({ id: call.id, toolName: "read_ticket" });
    expect(ok(await server.as(carol.key).run(NodeQuery, { id: call.id })).node).toBeNull();
    expect(await toolCalls(server.as(carol.key), shared.id)).toBeNull();

    const alices = await agent(alicesOwn.mcpEndpoint, alice.key);
    await alices.client.callTool({ name: "read_ticket", arguments: {} });
    const [own] = (await toolCalls(server.as(alice.key), alicesOwn.id))!.calls;
    expect(ok(await server.as(bob.key).run(NodeQuery, { id: own.id })).node).toBeNull();
  });
});
