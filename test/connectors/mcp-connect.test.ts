import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { newId } from "../../src/db/ids.js";
import { prisma } from "../helpers/database.js";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { type McpServerOptions, type McpTestServer, startMcp, tool } from "../servers/mcp-servers.js";
import { mcpApi, storedRow } from "./mcp-api.js";

/** A preset of our own whose server is a loopback one, its API key presented as `auth` says. */
async function presetAt(mcpUrl: string, auth: { header: string; template: string }) {
  const slug = `keyed-${randomBytes(3).toString("hex")}`;
  await prisma.preset.create({ data: { id: newId("pset"), slug, name: `Keyed ${slug}`, mcpUrl, authType: "API_TOKEN", oauthScopes: [], auth } });
  return slug;
}

describe("connectConnector tries the credentials on the MCP server before keeping them", async () => {
  const server = await startServer();
  const running: McpTestServer[] = [];
  afterAll(() => Promise.all(running.map((s) => s.stop())));
  const mcp = async (options: McpServerOptions) => {
    const s = await startMcp(options);
    running.push(s);
    return s;
  };
  const admin = async () => mcpApi(server.as((await team()).alice.key));
  const tools = [tool("get_issue", { annotations: { readOnlyHint: true } }), tool("create_issue")];

  it("a refused bearer token: AUTH_FAILED, UpstreamError UNAUTHORIZED, nothing stored; the right one: CONNECTED with the server's tools", async () => {
    const upstream = await mcp({ tools, auth: { bearer: "good-token-1234" } });
    const api = await admin();
    const c = await api.create({ url: upstream.url });

    const refused = await api.refused({ id: c.id, accessToken: "bad-token-1234" });
    const reason = "The server refused the credentials (HTTP 401: invalid_token)";
    expect(refused).toMatchObject({ reason: "UNAUTHORIZED", message: reason });
    expect(refused.left).toMatchObject({ id: c.id, state: "AUTH_FAILED", isAuthenticated: false, statusReason: reason, lastError: reason, version: 2 });
    expect(upstream.seen.map((r) => r.authorization)).toContain("Bearer bad-token-1234");
    expect((await storedRow(c.id)).row).toMatchObject({ state: "AUTH_FAILED", credentialsEnc: null, credentialType: null, credentialsAcceptedAt: null });

    const connected = await api.connected({ id: c.id, accessToken: "good-token-1234" });
    expect(connected).toMatchObject({ state: "CONNECTED", authType: "BEARER", isAuthenticated: true, statusReason: null, lastError: null, version: 3 });
    expect(connected.tools.map((t) => t.name)).toEqual(["get_issue", "create_issue"]);
    const listed = upstream.seen.filter((r) => r.rpc === "tools/list");
    expect(listed.map((r) => r.authorization)).toEqual(["Bearer good-token-1234"]);
    const { row, secret } = await storedRow(c.id);
    expect(secret).toEqual({ accessToken: "good-token-1234" });
    expect(row.credentialsAcceptedAt).not.toBeNull();
    expect(row.toolsDiscoveredAt).not.toBeNull();
  });

  it("presents a preset's API key in the header its auth template names", async () => {
    const upstream = await mcp({ tools, auth: { header: "X-API-Key", value: "key-0123456789" } });
    const slug = await presetAt(upstream.url, { header: "X-API-Key", template: "{token}" });
    const api = await admin();
    const c = await api.create({ presetSlug: slug });
    const connected = await api.connected({ id: c.id, apiKey: "key-0123456789" });
    expect(connected).toMatchObject({ state: "CONNECTED", authType: "API_TOKEN", isAuthenticated: true });
    expect(connected.tools.map((t) => t.name)).toEqual(["get_issue", "create_issue"]);
    expect(upstream.seen.length).toBeGreaterThan(0);
    for (const r of upstream.seen) expect(r).toMatchObject({ apiKey: "key-0123456789", authorization: undefined });
    expect((await storedRow(c.id)).secret).toEqual({ apiKey: "key-0123456789" });
  });

  it("an API key the server forbids (403): AUTH_FAILED naming HTTP 403, the key not kept", async () => {
    const upstream = await mcp({ tools, auth: { header: "X-API-Key", value: "the-right-key", status: 403 } });
    const slug = await presetAt(upstream.url, { header: "X-API-Key", template: "{token}" });
    const api = await admin();
    const c = await api.create({ presetSlug: slug });
    const refused = await api.refused({ id: c.id, apiKey: "a-wrong-key-99" });
    expect(refused).toMatchObject({ reason: "UNAUTHORIZED", message: "The server refused the credentials (HTTP 403: Forbidden)" });
    expect(refused.left).toMatchObject({ state: "AUTH_FAILED", isAuthenticated: false });
    expect(upstream.seen.map((r) => r.apiKey)).toContain("a-wrong-key-99");
    expect((await storedRow(c.id)).row.credentialsEnc).toBeNull();
  });

  it("presents a custom server's username and password as Basic", async () => {
    const basic = `Basic ${Buffer.from("ann:pässwörd", "utf8").toString("base64")}`;
    const upstream = await mcp({ tools, auth: { header: "authorization", value: basic } });
    const api = await admin();
    const c = await api.create({ url: upstream.url });
    const connected = await api.connected({ id: c.id, username: "ann", password: "pässwörd" });
    expect(connected).toMatchObject({ state: "CONNECTED", authType: "USERNAME_PASSWORD", isAuthenticated: true });
    expect(connected.tools).toHaveLength(2);
    expect(new Set(upstream.seen.map((r) => r.authorization))).toEqual(new Set([basic]));
  });

  it("connects a custom server that asks for nothing as NONE, with its tools, presenting nothing", async () => {
    const upstream = await mcp({ tools });
    const api = await admin();
    const c = await api.create({ url: upstream.url });
    const connected = await api.connected({ id: c.id });
    expect(connected).toMatchObject({ state: "CONNECTED", authType: "NONE", isAuthenticated: true, lastError: null });
    expect(connected.tools.map((t) => t.name)).toEqual(["get_issue", "create_issue"]);
    expect(upstream.seen.every((r) => r.authorization === undefined)).toBe(true);
    expect((await storedRow(c.id)).row).toMatchObject({ credentialsEnc: null, credentialType: null });
  });

  it("connects a server of the older HTTP+SSE transport, and refreshes through it", async () => {
    const upstream = await mcp({ tools, transport: "sse", auth: { bearer: "sse-token-1234" } });
    const api = await admin();
    const c = await api.create({ url: upstream.url });
    const connected = await api.connected({ id: c.id, accessToken: "sse-token-1234" });
    expect(connected).toMatchObject({ state: "CONNECTED", isAuthenticated: true });
    expect(connected.tools.map((t) => t.name)).toEqual(["get_issue", "create_issue"]);
    // the Streamable HTTP POST is refused with 405 first, then the client falls back to GET /sse
    expect(upstream.seen.some((r) => r.method === "GET" && r.path === "/sse")).toBe(true);
    expect(upstream.seen.filter((r) => r.rpc === "tools/list").map((r) => r.path)).toEqual(["/messages"]);

    await upstream.setTools([...tools, tool("close_issue")]);
    const refreshed = await api.refresh(c.id);
    expect(refreshed.__typename).toBe("RefreshConnectorToolsSuccess");
    expect((await api.read(c.id)).tools.map((t) => t.name)).toEqual(["get_issue", "create_issue", "close_issue"]);
  });
});
