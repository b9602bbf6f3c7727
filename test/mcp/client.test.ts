import { afterAll, describe, expect, it, vi } from "vitest";
import { createEgress } from "../../src/egress/egress.js";
import { UNREACHABLE } from "../../src/egress/errors.js";
import { checkServer, DEFAULT_MCP_TIMEOUT_MS, discoverTools, openSession, parseMcpTimeout, type SessionOptions } from "../../src/mcp/client.js";
import type { McpFailure } from "../../src/mcp/failures.js";
import { startFailing, startHanging, startNotMcp } from "../servers/broken-servers.js";
import { type McpServerOptions, startMcp, tool } from "../servers/mcp-servers.js";

const egress = createEgress({ allowlist: "127.0.0.1", timeoutMs: 2_000 });
const SECRET = "s3cr3t-token-value-0123456789";
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function server(options: McpServerOptions = {}) {
  const s = await startMcp(options);
  afterAll(() => s.stop());
  return s;
}
async function broken<T extends { stop(): Promise<void> }>(started: Promise<T>): Promise<T> {
  const s = await started;
  afterAll(() => s.stop());
  return s;
}
afterAll(() => egress.close());

const options = (url: string, headers: Record<string, string> = {}, extra: Partial<SessionOptions> = {}): SessionOptions => ({
  url, headers, fetch: egress.fetch, timeoutMs: 2_000, ...extra,
});

/** The failure, checked to hold no secret in any field. */
async function failureOf(url: string, headers: Record<string, string> = {}, extra: Partial<SessionOptions> = {}): Promise<McpFailure> {
  const outcome = await discoverTools(options(url, headers, extra));
  expect(outcome.ok).toBe(false);
  const failure = (outcome as { failure: McpFailure }).failure;
  expect(JSON.stringify(failure)).not.toContain(SECRET);
  return failure;
}

describe("the MCP client", () => {
  it("opens a session with a bearer token, lists the tools and pings, the token reaching the server", async () => {
    const s = await server({ auth: { bearer: SECRET }, tools: [tool("alpha"), tool("beta", { annotations: { readOnlyHint: true } })] });
    const session = await openSession(options(s.url, bearer(SECRET)));
    expect(session.transport).toBe("streamable-http");
    expect(session.server).toEqual({ name: "plugboard-test", version: "1.0.0" });
    expect((await session.listTools()).map((t) => [t.name, t.annotations?.readOnlyHint])).toEqual([["alpha", undefined], ["beta", true]]);
    expect(await session.ping()).toBe("ping");
    await session.close();
    expect(s.seen.map((r) => r.rpc).filter(Boolean)).toEqual(["initialize", "notifications/initialized", "tools/list", "ping"]);
    expect(s.seen.every((r) => r.authorization === `Bearer ${SECRET}`)).toBe(true);
    expect(s.seen.at(-1)?.method).toBe("DELETE");
  });

  it("reports a refused bearer token as unauthorized, with the server's error code and no secret", async () => {
    const s = await server({ auth: { bearer: "the-right-one" } });
    expect(await failureOf(s.url, bearer(SECRET))).toEqual({
      kind: "unauthorized", status: 401, reason: "invalid_token",
      message: "the server refused the credentials (HTTP 401: invalid_token)", debug: "HTTP 401",
    });
    expect(await failureOf(s.url)).toMatchObject({ kind: "unauthorized", status: 401, reason: "Unauthorized" });
  });

  it("answers 401 to a token rotated away, also inside an open session", async () => {
    const s = await server({ auth: { bearer: "token-1" } });
    const session = await openSession(options(s.url, bearer("token-1")));
    s.rotateToken("token-2");
    await expect(session.listTools()).rejects.toMatchObject({ failure: { kind: "unauthorized", status: 401, reason: "invalid_token" } });
    await session.close();
    expect((await failureOf(s.url, bearer("token-1"))).kind).toBe("unauthorized");
    expect(await checkServer(options(s.url, bearer("token-2")))).toEqual({ ok: true, value: "ping" });
  });

  it("sends an API key in the header the server wants, and reports a wrong one (403)", async () => {
    const s = await server({ auth: { header: "X-API-Key", value: SECRET, status: 403 } });
    expect((await discoverTools(options(s.url, { "X-API-Key": SECRET }))).ok).toBe(true);
    expect(s.seen.filter((r) => r.apiKey === SECRET).length).toBeGreaterThan(0);
    expect(await failureOf(s.url, { "X-API-Key": "wrong" })).toMatchObject({ kind: "unauthorized", status: 403, reason: "Forbidden" });
  });

  it("reads every page of tools/list", async () => {
    const tools = Array.from({ length: 23 }, (_, i) => tool(`tool_${String(i).padStart(2, "0")}`));
    const s = await server({ tools, pageSize: 5 });
    const outcome = await discoverTools(options(s.url));
    expect(outcome.ok && outcome.value.map((t) => t.name)).toEqual(tools.map((t) => t.name));
    expect(s.seen.filter((r) => r.rpc === "tools/list")).toHaveLength(5);
  });

  it("falls back to tools/list when the server does not know ping", async () => {
    const s = await server({ ping: false });
    expect(await checkServer(options(s.url))).toEqual({ ok: true, value: "tools/list" });
    expect(s.seen.map((r) => r.rpc).filter(Boolean)).toEqual(["initialize", "notifications/initialized", "ping", "tools/list"]);
  });

  it("tells an open session's subscriber when the server's tools change", async () => {
    const s = await server({ tools: [tool("first")] });
    const session = await openSession(options(s.url));
    const changed = vi.fn();
    session.onToolsChanged(changed);
    // notifications come on the GET stream the client opens after initialization
    await vi.waitFor(() => expect(s.seen.some((r) => r.method === "GET")).toBe(true));
    await s.setTools([tool("first"), tool("second")]);
    await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(1));
    expect((await session.listTools()).map((t) => t.name)).toEqual(["first", "second"]);
    const closed = vi.fn();
    session.onClose(closed);
    await session.close();
    expect(closed).toHaveBeenCalled();
  });

  it("talks to a server that answers in JSON rather than SSE", async () => {
    const s = await server({ json: true, tools: [tool("only")] });
    const outcome = await discoverTools(options(s.url));
    expect(outcome.ok && outcome.value.map((t) => t.name)).toEqual(["only"]);
  });
});

describe("the MCP client and an older HTTP+SSE server", () => {
  it("falls back to the SSE transport when the POST is refused with a 4xx", async () => {
    const s = await server({ transport: "sse", auth: { bearer: SECRET }, tools: [tool("legacy")], pageSize: 1 });
    const session = await openSession(options(s.url, bearer(SECRET)));
    expect(session.transport).toBe("sse");
    expect((await session.listTools()).map((t) => t.name)).toEqual(["legacy"]);
    expect(await session.ping()).toBe("ping");
    const changed = vi.fn();
    session.onToolsChanged(changed);
    await s.setTools([tool("legacy"), tool("newer")]);
    await vi.waitFor(() => expect(changed).toHaveBeenCalled());
    expect((await session.listTools()).map((t) => t.name)).toEqual(["legacy", "newer"]);
    await session.close();
    expect(s.seen.slice(0, 2).map((r) => `${r.method} ${r.path}`)).toEqual(["POST /sse", "GET /sse"]);
    expect(s.seen.every((r) => r.authorization === `Bearer ${SECRET}`)).toBe(true);
  });

  it("reports a refused credential from an SSE server as unauthorized", async () => {
    const s = await server({ transport: "sse", auth: { bearer: "right" } });
    expect(await failureOf(s.url, bearer(SECRET))).toMatchObject({ kind: "unauthorized", status: 401, reason: "invalid_token" });
    expect(s.seen.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /sse", "GET /sse"]);
  });
});

describe("MCP failures", () => {
  it("a failing server: protocol, with its status and none of its body", async () => {
    const s = await broken(startFailing(500));
    expect(await failureOf(s.url, bearer(SECRET))).toEqual({ kind: "protocol", status: 500, message: "the server failed (HTTP 500)", debug: "initialize: HTTP 500" });
    expect(s.seen.map((r) => r.authorization)).toContain(`Bearer ${SECRET}`);
  });

  it("nothing at the path: both transports tried, the first answer reported", async () => {
    const s = await broken(startFailing(404));
    expect(await failureOf(s.url, bearer(SECRET))).toMatchObject({ kind: "protocol", status: 404, message: "the server has nothing at this address (HTTP 404)" });
    expect(s.seen.map((r) => r.method)).toEqual(["POST", "GET"]);
  });

  it("a server that never answers: unreachable after the timeout", async () => {
    const s = await broken(startHanging());
    const started = Date.now();
    const failure = await failureOf(s.url, bearer(SECRET), { timeoutMs: 400 });
    expect(failure).toMatchObject({ kind: "unreachable", message: UNREACHABLE });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("a web page or JSON that is not JSON-RPC: protocol", async () => {
    const html = await broken(startNotMcp("html"));
    expect(await failureOf(html.url, bearer(SECRET))).toMatchObject({ kind: "protocol", message: "the server answered with text/html, not MCP" });
    const json = await broken(startNotMcp("json"));
    expect(await failureOf(json.url, bearer(SECRET))).toMatchObject({ kind: "protocol", message: "the server's answer is not valid MCP" });
    const stream = await broken(startNotMcp("event-stream"));
    expect(await failureOf(stream.url, bearer(SECRET), { timeoutMs: 400 })).toMatchObject({ kind: "protocol", message: "the server's answer is not valid MCP" });
  });

  it("a closed port and an address the egress refuses: the same unreachable answer", async () => {
    const s = await server();
    const closed = await broken(startHanging());
    const url = closed.url;
    await closed.stop();
    const refusing = createEgress({ allowlist: "", timeoutMs: 2_000 });
    afterAll(() => refusing.close());
    const a = await failureOf(url);
    const b = await failureOf(s.url, {}, { fetch: refusing.fetch });
    expect([a.kind, a.message]).toEqual(["unreachable", UNREACHABLE]);
    expect([b.kind, b.message]).toEqual([a.kind, a.message]);
    expect(a.kind === "unreachable" && a.debug).toMatch(/ECONNREFUSED/);
    expect(b.kind === "unreachable" && b.debug).toMatch(/^refused by policy/);
    expect(s.seen).toEqual([]);
  });

  it("repeats nothing of the credential even when the server puts it where the failure would quote it", async () => {
    const s = await broken(startFailing(401, { "www-authenticate": `Bearer error="invalid_token", scope="read ${SECRET}"` }));
    expect(await failureOf(s.url, bearer(SECRET))).toMatchObject({ kind: "unauthorized", reason: "invalid_token", scope: "read [redacted]" });
    const basic = `Basic ${Buffer.from(`someone:${SECRET}`).toString("base64")}`;
    expect(await failureOf(s.url, { authorization: basic })).toMatchObject({ kind: "unauthorized", scope: "read [redacted]" });
  });

  it("a redirect is not followed", async () => {
    const target = await server();
    const s = await broken(startFailing(307, { location: target.url }));
    expect(await failureOf(s.url)).toMatchObject({ kind: "protocol", status: 307 });
    expect(target.seen).toEqual([]);
  });
});

describe("MCP_TIMEOUT", () => {
  it("is milliseconds or a duration with a unit, 10 s by default", () => {
    expect(parseMcpTimeout(undefined)).toBe(DEFAULT_MCP_TIMEOUT_MS);
    expect(DEFAULT_MCP_TIMEOUT_MS).toBe(10_000);
    expect(parseMcpTimeout("2500")).toBe(2500);
    expect(parseMcpTimeout("10s")).toBe(10_000);
    for (const bad of ["0", "-1", "1.5", "10 days", "9999999"]) expect(() => parseMcpTimeout(bad), bad).toThrow(/^MCP_TIMEOUT: /);
  });
});
