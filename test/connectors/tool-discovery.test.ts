import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "../helpers/database.js";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { type McpServerOptions, type McpTestServer, startMcp, tool } from "../servers/mcp-servers.js";
import { member } from "./api.js";
import { mcpApi, toolFlags } from "./mcp-api.js";

describe("tool discovery through GraphQL", async () => {
  const server = await startServer();
  const running: McpTestServer[] = [];
  afterAll(() => Promise.all(running.map((s) => s.stop())));
  /** a connector of a custom server, CONNECTED (its first discovery done) */
  async function connectedTo(options: McpServerOptions) {
    const upstream = await startMcp(options);
    running.push(upstream);
    const { alice } = await team();
    const api = mcpApi(server.as(alice.key));
    const c = await api.create({ url: upstream.url });
    return { upstream, api, alice, connector: await api.connected({ id: c.id }) };
  }

  it("maps each tool: title or annotations.title as label, readOnlyHint as READ, WRITE or destructive needs confirmation", async () => {
    const outputSchema = { type: "object" as const, properties: { ok: { type: "boolean" } } };
    const { connector } = await connectedTo({
      tools: [
        tool("get_issue", { title: "Get issue", annotations: { readOnlyHint: true, title: "not this one" } }),
        tool("create_issue", { annotations: { title: "Create an issue" }, outputSchema }),
        tool("purge_cache", { annotations: { readOnlyHint: true, destructiveHint: true } }),
        tool("rename", { annotations: { readOnlyHint: false, destructiveHint: false } }),
        { name: "bare", inputSchema: { type: "object" } },
      ],
    });
    const inputSchema = { type: "object", properties: { id: { type: "string" } } };
    expect(connector.tools.map(({ id: _id, ...t }) => t)).toEqual([
      { name: "get_issue", label: "Get issue", description: "get_issue does its job", type: "READ", requiresConfirmation: false, disabled: false, pendingReview: false, inputSchema },
      { name: "create_issue", label: "Create an issue", description: "create_issue does its job", type: "WRITE", requiresConfirmation: true, disabled: false, pendingReview: false, inputSchema },
      { name: "purge_cache", label: "purge_cache", description: "purge_cache does its job", type: "READ", requiresConfirmation: true, disabled: false, pendingReview: false, inputSchema },
      { name: "rename", label: "rename", description: "rename does its job", type: "WRITE", requiresConfirmation: true, disabled: false, pendingReview: false, inputSchema },
      { name: "bare", label: "bare", description: null, type: "WRITE", requiresConfirmation: true, disabled: false, pendingReview: false, inputSchema: { type: "object" } },
    ]);
    // what GraphQL does not show is stored too: the output schema and the hints as the server gave them
    const rows = await prisma.connectorTool.findMany({ where: { connectorId: connector.id }, orderBy: { position: "asc" } });
    expect(rows.map((r) => [r.name, r.position, r.outputSchema, r.annotations])).toEqual([
      ["get_issue", 0, null, { readOnlyHint: true, title: "not this one" }],
      ["create_issue", 1, outputSchema, { title: "Create an issue" }],
      ["purge_cache", 2, null, { readOnlyHint: true, destructiveHint: true }],
      ["rename", 3, null, { readOnlyHint: false, destructiveHint: false }],
      ["bare", 4, null, null],
    ]);
  });

  it("reads every page of tools/list", async () => {
    const names = ["t1", "t2", "t3", "t4", "t5"];
    const { upstream, connector } = await connectedTo({ tools: names.map((n) => tool(n)), pageSize: 2 });
    expect(connector.tools.map((t) => t.name)).toEqual(names);
    expect(upstream.seen.filter((r) => r.rpc === "tools/list")).toHaveLength(3);
  });

  it("connect's event carries the discovery: STATE_CHANGED with toolChanges.added", async () => {
    const { api, alice, connector } = await connectedTo({ tools: [tool("a"), tool("b")] });
    const events = await api.events(connector.id);
    expect(events.map((e) => [e.kind, e.version, e.actor?.id])).toEqual([
      ["CREATED", 1, alice.userId],
      ["STATE_CHANGED", 2, alice.userId],
    ]);
    expect(events[1].toolChanges).toEqual({ added: ["a", "b"], removed: [], changed: [], held: [] });
  });

  it("a re-sync keeps each tool's disabled flag, removes what the server dropped, adds what it lists, in one TOOLS_CHANGED", async () => {
    const { upstream, api, connector } = await connectedTo({ tools: [tool("a"), tool("b"), tool("c")] });
    member(await api.setTool(connector.id, "b", true), "SetToolDisabledSuccess");
    await upstream.setTools([tool("b"), tool("a")]);
    const refreshed = member(await api.refresh(connector.id), "RefreshConnectorToolsSuccess").connector;
    expect(refreshed.tools.map((t) => [t.name, t.disabled])).toEqual([["b", true], ["a", false]]);
    expect((await prisma.connectorTool.count({ where: { connectorId: connector.id, name: "c" } }))).toBe(0);
    const events = await api.events(connector.id);
    expect(events.map((e) => [e.kind, e.version])).toEqual([["CREATED", 1], ["STATE_CHANGED", 2], ["TOOLS_CHANGED", 3], ["TOOLS_CHANGED", 4]]);
    // the setToolDisabled event, then the discovery's, by the server itself
    expect(events[2].toolChanges).toBeNull();
    expect(events[3]).toMatchObject({ actor: null, toolChanges: { added: [], removed: ["c"], changed: [], held: [] } });
    expect(refreshed.version).toBe(4);

    // and a later one lists a tool again: back, as a new tool (held: it appeared after the first discovery)
    await upstream.setTools([tool("b"), tool("a"), tool("c")]);
    const again = member(await api.refresh(connector.id), "RefreshConnectorToolsSuccess").connector;
    expect(toolFlags(again.tools)).toEqual({ b: [true, false], a: [false, false], c: [true, true] });
  });

  it("a discovery or a health check that changes nothing writes no event and no new version", async () => {
    const { api, connector } = await connectedTo({ tools: [tool("a"), tool("b")] });
    const before = await api.read(connector.id);
    const refreshed = member(await api.refresh(connector.id), "RefreshConnectorToolsSuccess").connector;
    const checked = member(await api.health(connector.id), "CheckConnectorHealthSuccess").connector;
    const after = await api.read(connector.id);
    for (const c of [refreshed, checked, after]) expect(c).toMatchObject({ version: before.version, updatedAt: before.updatedAt, tools: before.tools });
    expect(after.events.totalCount).toBe(before.events.totalCount);
    // quiet bookkeeping still says when the server last answered
    expect(Date.parse(after.lastSyncAt!)).toBeGreaterThanOrEqual(Date.parse(before.lastSyncAt!));
  });

  it("refreshing needs a CONNECTED or ERROR connector", async () => {
    const upstream = await startMcp({ tools: [tool("a")] });
    running.push(upstream);
    const api = mcpApi(server.as((await team()).alice.key));
    const c = await api.create({ url: upstream.url });
    expect(member(await api.refresh(c.id), "InvalidStateError").state).toBe("CREATED");
    expect(upstream.seen).toEqual([]);
  });
});
