import { ErrorCode } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, describe, expect, it } from "vitest";
import { connectors, member } from "../connectors/api.js";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { startMcp } from "../servers/mcp-servers.js";
import { agent, connected, rpcError } from "./agent.js";

const KEY = "resource-server-token-0123456789";

describe("resources/* and prompts/* on /mcp/{connectorId}", async () => {
  const server = await startServer();
  const rich = await startMcp({
    auth: { bearer: KEY },
    resources: [{ uri: "kb://articles/1", name: "Refund policy", text: "Refunds within 30 days" }],
    prompts: [{ name: "triage", text: "Triage this ticket" }],
  });
  const plain = await startMcp();
  afterAll(() => Promise.all([rich.stop(), plain.stop()]));
  const { alice } = await team();
  const gql = server.as(alice.key);

  it("passes them through to a server that offers them, with the connector's credential", async () => {
    const c = await connected(gql, rich.url, { accessToken: KEY });
    const a = await agent(c.mcpEndpoint, alice.key);
    expect((await a.client.listResources()).resources).toEqual([{ uri: "kb://articles/1", name: "Refund policy" }]);
    expect((await a.client.readResource({ uri: "kb://articles/1" })).contents).toEqual([{ uri: "kb://articles/1", text: "Refunds within 30 days" }]);
    expect((await a.client.listPrompts()).prompts).toEqual([{ name: "triage" }]);
    expect((await a.client.getPrompt({ name: "triage" })).messages).toEqual([{ role: "user", content: { type: "text", text: "Triage this ticket" } }]);
    const forwarded = rich.seen.filter((s) => s.rpc?.startsWith("resources/") || s.rpc?.startsWith("prompts/"));
    const bearer = `Bearer ${KEY}`;
    expect(forwarded.map((s) => [s.rpc, s.authorization])).toEqual([
      ["resources/list", bearer],
      ["resources/read", bearer],
      ["prompts/list", bearer],
      ["prompts/get", bearer],
    ]);
  });

  it("answers method-not-found for a server that offers none, and on /mcp", async () => {
    const c = await connected(gql, plain.url);
    const a = await agent(c.mcpEndpoint, alice.key);
    expect(await rpcError(a.client.listResources())).toMatchObject({ code: ErrorCode.MethodNotFound, message: "Method not found: the server offers no resources" });
    expect((await rpcError(a.client.listPrompts())).code).toBe(ErrorCode.MethodNotFound);
    const all = await agent(`${server.url}/mcp`, alice.key);
    expect((await rpcError(all.client.listResources())).code).toBe(ErrorCode.MethodNotFound);
  });

  it("holds them to the same rules as tools: an inactive connector's are refused without asking its server", async () => {
    const c = await connected(gql, rich.url, { accessToken: KEY });
    member(await connectors(gql).update({ id: c.id, isActive: false }), "UpdateConnectorSuccess");
    const a = await agent(c.mcpEndpoint, alice.key);
    const before = rich.seen.length;
    expect(await rpcError(a.client.listResources())).toMatchObject({ code: -32010, data: { reason: "INACTIVE" } });
    expect(rich.seen.length).toBe(before);
  });
});
