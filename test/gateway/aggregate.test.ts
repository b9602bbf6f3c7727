import { afterAll, describe, expect, it } from "vitest";
import { graphql } from "../gql/index.js";
import { connectors, member } from "../connectors/api.js";
import { ok, type GraphQLClient } from "../helpers/graphql.js";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { startMcp, tool } from "../servers/mcp-servers.js";
import { agent, connected, rpcError, toolCalls } from "./agent.js";
import { toolServer } from "./upstream.js";

const AvailableTools = graphql(`
  query GatewayAvailableTools($first: Int, $after: String, $filter: AvailableToolFilter) {
    availableTools(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { name tool { name type disabled connector { id } } connector { id handle } } }
    }
  }
`);

/** availableTools through every page of two. */
async function available(gql: GraphQLClient, filter?: { connectorIds?: string[]; type?: "READ" | "WRITE"; search?: string }) {
  const names: string[] = [];
  let after: string | null | undefined;
  for (;;) {
    const page = ok(await gql.run(AvailableTools, { first: 2, after, filter })).availableTools;
    for (const e of page.edges) {
      expect(e.node.tool.connector!.id).toBe(e.node.connector.id);
      expect(e.node.name).toBe(`${e.node.connector.handle}__${e.node.tool.name}`);
      names.push(e.node.name);
    }
    expect(page.totalCount).toBeGreaterThanOrEqual(names.length);
    if (!page.pageInfo.hasNextPage) return names;
    after = page.pageInfo.endCursor;
  }
}

describe("/mcp: every tool the key may use, named <handle>__<tool>, and availableTools", async () => {
  const server = await startServer();
  const zendesk = await toolServer();
  const wiki = await startMcp({ tools: [tool("search", { annotations: { readOnlyHint: true } }), tool("read_ticket")] });
  afterAll(() => wiki.stop());
  const { alice } = await team();
  const gql = server.as(alice.key);
  const api = connectors(gql);

  const prod = await connected(gql, zendesk.url, {}, { name: "Zendesk Prod" });
  const prod2 = await connected(gql, wiki.url, {}, { name: "Zendesk prod!" });
  const inactive = await connected(gql, wiki.url, {}, { name: "Old wiki" });
  member(await api.update({ id: inactive.id, isActive: false }), "UpdateConnectorSuccess");
  const hidden = await connected(gql, wiki.url, {}, { name: "Hidden wiki" });
  member(await api.update({ id: hidden.id, agentEnabled: false }), "UpdateConnectorSuccess");
  const gone = await connected(gql, wiki.url, {}, { name: "Gone wiki" });
  member(await api.disconnect(gone.id), "DisconnectConnectorSuccess");
  member(await api.setTool(prod.id, "fail", true), "SetToolDisabledSuccess");

  it("gives each connector a short handle, unique in the organization, kept through a rename", async () => {
    expect([prod.handle, prod2.handle]).toEqual(["zendesk-prod", "zendesk-prod-2"]);
    const renamed = member(await api.update({ id: prod.id, name: "Support desk" }), "UpdateConnectorSuccess").connector;
    expect(renamed.name).toBe("Support desk");
    expect((await connected(gql, wiki.url, {}, { name: "Zendesk Prod" })).handle).toBe("zendesk-prod-3");
    expect((await connected(gql, wiki.url, {}, { name: "***" })).handle).toBe("connector");
  });

  it("lists exactly what availableTools lists: usable connectors' enabled tools, prefixed, titled with the connector", async () => {
    const a = await agent(`${server.url}/mcp`, alice.key);
    const { tools } = await a.client.listTools();
    const names = tools.map((t) => t.name);
    expect(names.filter((n) => /^zendesk-prod(-2)?__/.test(n))).toEqual([
      "zendesk-prod__read_ticket",
      "zendesk-prod__close_ticket",
      "zendesk-prod__slow_report",
      "zendesk-prod__hang",
      "zendesk-prod__soft_fail",
      "zendesk-prod__chatty",
      "zendesk-prod-2__search",
      "zendesk-prod-2__read_ticket",
    ]);
    for (const h of [inactive.handle, hidden.handle, gone.handle]) expect(names.some((n) => n.startsWith(`${h}__`))).toBe(false);
    expect(await available(gql)).toEqual(names);
    expect(tools.find((t) => t.name === "zendesk-prod-2__search")).toMatchObject({ title: "Zendesk prod!: search", annotations: { readOnlyHint: true, destructiveHint: false } });
    expect(await available(gql, { connectorIds: [prod2.id] })).toEqual(["zendesk-prod-2__search", "zendesk-prod-2__read_ticket"]);
    expect(await available(gql, { connectorIds: [prod2.id, inactive.id], type: "READ" })).toEqual(["zendesk-prod-2__search"]);
    expect(await available(gql, { search: "SLOW" })).toEqual(["zendesk-prod__slow_report"]);
  });

  it("routes a prefixed name to its connector, and refuses names that lead nowhere without calling upstream", async () => {
    const a = await agent(`${server.url}/mcp`, alice.key);
    const [z, w] = [zendesk.calls.length, wiki.calls.length];
    const result = await a.client.callTool({ name: "zendesk-prod-2__read_ticket", arguments: { id: "1" } });
    expect(result.content).toEqual([{ type: "text", text: JSON.stringify({ tool: "read_ticket", arguments: { id: "1" } }) }]);
    expect([zendesk.calls.length, wiki.calls.length]).toEqual([z, w + 1]);
    await a.client.callTool({ name: "zendesk-prod__read_ticket", arguments: { id: "2" } });
    expect([zendesk.calls.length, wiki.calls.length]).toEqual([z + 1, w + 1]);
    expect((await toolCalls(gql, prod2.id))!.calls.map((c) => [c.toolName, c.outcome])).toEqual([["read_ticket", "OK"]]);

    const refusals = await Promise.all(
      ["nobody__read_ticket", "read_ticket", "zendesk-prod__fail", `${inactive.handle}__search`, `${hidden.handle}__search`].map((name) =>
        rpcError(a.client.callTool({ name, arguments: {} })).then((e) => e.data?.reason),
      ),
    );
    expect(refusals).toEqual(["UNKNOWN_TOOL", "UNKNOWN_TOOL", "TOOL_DISABLED", "INACTIVE", "AGENT_DISABLED"]);
    expect([zendesk.calls.length, wiki.calls.length]).toEqual([z + 1, w + 1]);
  });

  it("tells open sessions tools/list_changed when a tool is disabled, and when the server's tools change", async () => {
    const all = await agent(`${server.url}/mcp`, alice.key);
    const one = await agent(prod.mcpEndpoint, alice.key);
    await all.client.listTools();
    const changed = Promise.all([all.nextListChanged(), one.nextListChanged()]);
    member(await api.setTool(prod.id, "close_ticket", true), "SetToolDisabledSuccess");
    await changed;
    expect((await all.client.listTools()).tools.map((t) => t.name)).not.toContain("zendesk-prod__close_ticket");
    expect((await one.client.listTools()).tools.map((t) => t.name)).not.toContain("close_ticket");

    // the upstream session the calls opened hears the server's own list_changed: discovery, then ours
    await one.client.callTool({ name: "read_ticket", arguments: {} });
    const again = all.nextListChanged();
    await zendesk.setTools([tool("read_ticket", { annotations: { readOnlyHint: true } }), tool("slow_report")]);
    await again;
    const names = (await all.client.listTools()).tools.map((t) => t.name).filter((n) => n.startsWith("zendesk-prod__"));
    expect(names).toEqual(["zendesk-prod__read_ticket"]); // slow_report changed upstream: held for review
  });
});
