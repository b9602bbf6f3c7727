import { afterAll, describe, expect, it } from "vitest";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { startMcp, tool } from "../servers/mcp-servers.js";
import { type Behaviour, freePort, type SwitchServer, startSwitch } from "../servers/switch-server.js";
import { member } from "./api.js";
import { mcpApi, storedRow } from "./mcp-api.js";

const TOKEN = "kept-token-0123";
const tools = [tool("get_issue", { annotations: { readOnlyHint: true } }), tool("create_issue")];

describe("a server that does not work: ERROR with the credentials kept, CONNECTED once it works", async () => {
  const server = await startServer();
  // the same database, with a short MCP_TIMEOUT for the server that never answers
  const quick = await startServer({ app: { config: { upstream: { timeoutMs: 500 } } } });
  const switches: SwitchServer[] = [];
  const target = await startMcp({ tools, auth: { bearer: TOKEN } });
  afterAll(async () => {
    await Promise.all(switches.map((s) => s.stop()));
    await target.stop();
  });
  const switched = async (options: Parameters<typeof startSwitch>[1]) => {
    const s = await startSwitch(target.url, options);
    switches.push(s);
    return s;
  };

  it.each([
    ["nothing listens on the port", "closed", "UNREACHABLE", "The server could not be reached"],
    ["it never answers", "hang", "UNREACHABLE", "The server could not be reached"],
    ["it fails (HTTP 500)", "fail", "PROTOCOL", "The server failed (HTTP 500)"],
    ["it answers with a web page", "html", "PROTOCOL", "The server answered with text/html, not MCP"],
  ] as const)("%s", async (_name, behaviour, reason, message) => {
    const { alice } = await team();
    const api = mcpApi(server.as(alice.key));
    const port = behaviour === "closed" ? await freePort() : undefined;
    const broken = port ? null : await switched({ behaviour: behaviour as Behaviour });
    const url = broken?.url ?? `http://127.0.0.1:${port}/mcp`;
    const seenBefore = target.seen.length;

    const c = await api.create({ url });
    const failed = member(await mcpApi((behaviour === "hang" ? quick : server).as(alice.key)).connect({ id: c.id, accessToken: TOKEN }), "UpstreamError");
    expect(failed).toMatchObject({ reason, message });
    expect(failed.left).toMatchObject({ id: c.id, state: "ERROR", statusReason: message, lastError: message, isAuthenticated: false, authType: "BEARER" });
    const { row, secret } = await storedRow(c.id);
    expect(secret).toEqual({ accessToken: TOKEN });
    expect(row).toMatchObject({ credentialType: "BEARER", credentialsAcceptedAt: null, toolsDiscoveredAt: null });
    expect(target.seen.length).toBe(seenBefore);

    // the server is fixed (or started on that port): a health check with the kept token brings it back
    if (broken) broken.set("mcp");
    else await switched({ port });
    const back = member(await api.health(c.id), "CheckConnectorHealthSuccess").connector;
    expect(back).toMatchObject({ state: "CONNECTED", statusReason: null, lastError: null, isAuthenticated: true });
    expect(target.seen.length).toBeGreaterThan(seenBefore);
    expect(new Set(target.seen.slice(seenBefore).map((r) => r.authorization))).toEqual(new Set([`Bearer ${TOKEN}`]));
    expect(back.tools.map((t) => t.name)).toEqual(["get_issue", "create_issue"]);
    expect((await storedRow(c.id)).row.credentialsAcceptedAt).not.toBeNull();
    const trail = (await api.events(c.id)).map((e) => [e.kind, e.previousState, e.state, e.version]);
    expect(trail).toEqual([
      ["CREATED", null, "CREATED", 1],
      ["STATE_CHANGED", "CREATED", "ERROR", 2],
      ["STATE_CHANGED", "ERROR", "CONNECTED", 3],
    ]);
  });

  it("a CONNECTED connector whose server fails: lastError at once, ERROR after HEALTH_FAILURES (2) in a row, back on success", async () => {
    const { alice } = await team();
    const api = mcpApi(server.as(alice.key));
    const s = await switched({});
    const c = await api.create({ url: s.url });
    await api.connected({ id: c.id, accessToken: TOKEN });
    s.set("fail");
    const message = "The server failed (HTTP 500)";

    const first = member(await api.health(c.id), "UpstreamError");
    expect(first).toMatchObject({ reason: "PROTOCOL", message });
    expect(first.left).toMatchObject({ state: "CONNECTED", lastError: message, statusReason: null, isAuthenticated: true });
    const second = member(await api.health(c.id), "UpstreamError");
    expect(second.left).toMatchObject({ state: "ERROR", lastError: message, statusReason: message, isAuthenticated: true });
    // refreshing an ERROR connector is allowed: it is one more attempt
    expect(member(await api.refresh(c.id), "UpstreamError").left).toMatchObject({ state: "ERROR", lastError: message });

    s.set("mcp");
    const back = member(await api.health(c.id), "CheckConnectorHealthSuccess").connector;
    expect(back).toMatchObject({ state: "CONNECTED", lastError: null, statusReason: null });
    const trail = (await api.events(c.id)).map((e) => [e.kind, e.state]);
    // the first failure shows lastError, the second moves the state, the third changes nothing visible
    expect(trail).toEqual([
      ["CREATED", "CREATED"],
      ["STATE_CHANGED", "CONNECTED"],
      ["UPDATED", "CONNECTED"],
      ["STATE_CHANGED", "ERROR"],
      ["STATE_CHANGED", "CONNECTED"],
    ]);
  });
});
