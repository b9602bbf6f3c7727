import { afterAll, describe, expect, it, vi } from "vitest";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { type McpServerOptions, type McpTestServer, startMcp, tool } from "../servers/mcp-servers.js";
import { member } from "./api.js";
import { mcpApi, storedRow, toolFlags } from "./mcp-api.js";

const tools = [tool("get_issue", { annotations: { readOnlyHint: true } }), tool("create_issue")];

describe("the sessions kept open with a connector's stored credentials", async () => {
  const server = await startServer();
  const running: McpTestServer[] = [];
  afterAll(() => Promise.all(running.map((s) => s.stop())));
  async function connected(options: McpServerOptions, credentials: { accessToken?: string } = {}) {
    const upstream = await startMcp({ tools, ...options });
    running.push(upstream);
    const api = mcpApi(server.as((await team()).alice.key));
    const c = await api.create({ url: upstream.url });
    return { upstream, api, connector: await api.connected({ id: c.id, ...credentials }) };
  }
  const initializes = (s: McpTestServer) => s.seen.filter((r) => r.rpc === "initialize").length;

  it("health checks reuse one open session", async () => {
    const { upstream, api, connector } = await connected({ auth: { bearer: "pooled-token-1" } }, { accessToken: "pooled-token-1" });
    const afterConnect = initializes(upstream);
    for (let i = 0; i < 3; i++) member(await api.health(connector.id), "CheckConnectorHealthSuccess");
    expect(initializes(upstream)).toBe(afterConnect + 1);
    expect(upstream.seen.filter((r) => r.rpc === "ping")).toHaveLength(3);
    expect(upstream.sessions()).toBeGreaterThanOrEqual(1);
  });

  it.each(["streamable", "sse"] as const)("a list_changed notice (%s) brings the new tools in without a mutation, the new one held", async (transport) => {
    const { upstream, api, connector } = await connected({ transport });
    member(await api.health(connector.id), "CheckConnectorHealthSuccess"); // a session is now open and watched
    const next = [...tools, tool("delete_issue", { annotations: { destructiveHint: true } })];
    // the notice reaches only a session whose stream is open by then: it is sent until it lands
    await vi.waitFor(
      async () => {
        await upstream.setTools(next);
        expect(toolFlags((await api.read(connector.id)).tools)).toEqual({ get_issue: [false, false], create_issue: [false, false], delete_issue: [true, true] });
      },
      { timeout: 15_000, interval: 250 },
    );
    const drift = (await api.events(connector.id)).filter((e) => e.kind === "TOOLS_CHANGED");
    expect(drift).toHaveLength(1);
    expect(drift[0]).toMatchObject({ actor: null, toolChanges: { added: ["delete_issue"], removed: [], changed: [], held: ["delete_issue"] } });
  });

  it("a token the server no longer accepts: a health check makes it AUTH_FAILED with UpstreamError UNAUTHORIZED", async () => {
    const { upstream, api, connector } = await connected({ auth: { bearer: "old-token-1234" } }, { accessToken: "old-token-1234" });
    member(await api.health(connector.id), "CheckConnectorHealthSuccess");
    upstream.rotateToken("new-token-1234");

    const refused = member(await api.health(connector.id), "UpstreamError");
    const reason = "The server refused the credentials (HTTP 401: invalid_token)";
    expect(refused).toMatchObject({ reason: "UNAUTHORIZED", message: reason });
    expect(refused.left).toMatchObject({ state: "AUTH_FAILED", statusReason: reason, lastError: reason, isAuthenticated: false });
    const last = (await api.events(connector.id)).at(-1)!;
    expect(last).toMatchObject({ kind: "STATE_CHANGED", previousState: "CONNECTED", state: "AUTH_FAILED", actor: null });
    // the old session was dropped and a new one refused too: the 401 is the server's word on the token
    expect(upstream.seen.filter((r) => r.rpc === "initialize").at(-1)?.authorization).toBe("Bearer old-token-1234");

    // no more attempts with it until someone connects again
    expect(member(await api.refresh(connector.id), "InvalidStateError").state).toBe("AUTH_FAILED");
    const back = await api.connected({ id: connector.id, accessToken: "new-token-1234" });
    expect(back).toMatchObject({ state: "CONNECTED", statusReason: null, lastError: null, isAuthenticated: true });
    expect((await storedRow(connector.id)).secret).toEqual({ accessToken: "new-token-1234" });
  });

  it("a token the server no longer accepts: refreshConnectorTools too", async () => {
    const { upstream, api, connector } = await connected({ auth: { bearer: "stale-token-1234" } }, { accessToken: "stale-token-1234" });
    upstream.rotateToken("fresh-token-1234");
    const refused = member(await api.refresh(connector.id), "UpstreamError");
    expect(refused).toMatchObject({ reason: "UNAUTHORIZED", message: "The server refused the credentials (HTTP 401: invalid_token)" });
    expect(refused.left).toMatchObject({ state: "AUTH_FAILED", isAuthenticated: false });
    // the tools stay as last discovered
    expect(refused.left!.tools.map((t) => t.name)).toEqual(["get_issue", "create_issue"]);
  });
});
