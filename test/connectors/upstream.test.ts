import { describe, expect, it } from "vitest";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { connectors, member } from "./api.js";
import { answeringServer, silentUrl } from "./http-servers.js";

// Tool discovery and health over MCP come with the MCP client; until then both mutations probe the
// server's URL with plain HTTP and must never report a success that did not happen.
describe("refreshConnectorTools and checkConnectorHealth", async () => {
  const server = await startServer();
  const mcp = await answeringServer(405); // what a Streamable HTTP MCP endpoint answers a bare GET
  const failing = await answeringServer(503);
  const nobody = await silentUrl();

  async function connected(url: string) {
    const { alice } = await team();
    const api = connectors(server.as(alice.key));
    const c = await api.created({ url: `${url}/mcp` });
    // with a token: without one, connecting asks the server first, and some of these do not answer
    member(await api.connect({ id: c.id, accessToken: "t" }), "ConnectConnectorSuccess");
    return { api, c };
  }

  it("records a health check that reaches the server: lastSyncAt set, lastError cleared, no actor", async () => {
    const { api, c } = await connected(mcp);
    const h = member(await api.health(c.id), "CheckConnectorHealthSuccess").connector;
    expect(h).toMatchObject({ state: "CONNECTED", lastError: null, version: 3 });
    expect(Date.now() - Date.parse(h.lastSyncAt!)).toBeLessThan(60_000);
    expect((await api.history(c.id))!.events.edges[0].node).toMatchObject({ kind: "UPDATED", version: 3, actor: null });
  });

  it.each([
    ["nothing listens", () => nobody, /No server answered at 127\.0\.0\.1:\d+: the connection was refused/],
    ["the server fails", () => failing, /failed \(HTTP 503\)/],
  ])("answers UpstreamError when %s, and records lastError", async (_label, url, message) => {
    const { api, c } = await connected(url());
    for (const run of [api.health, api.refresh]) {
      const e = member(await run(c.id), "UpstreamError");
      expect(e.message).toMatch(message);
      const now = (await api.history(c.id))!;
      expect(now.lastError).toBe(e.message);
      expect(now.lastSyncAt).toBeNull();
      expect(now.state).toBe("CONNECTED");
    }
  });

  it("does not pretend to have discovered tools when a server answers", async () => {
    const { api, c } = await connected(mcp);
    const e = member(await api.refresh(c.id), "UpstreamError");
    expect(e.message).toMatch(/answered \(HTTP 405\), but tool discovery needs the MCP client/);
    expect((await api.history(c.id))!).toMatchObject({ version: 2, lastSyncAt: null });
  });

  it("refuses to refresh a connector that is not CONNECTED", async () => {
    const { alice } = await team();
    const api = connectors(server.as(alice.key));
    const c = await api.created({ url: `${mcp}/mcp` });
    expect(member(await api.refresh(c.id), "InvalidStateError").state).toBe("CREATED");
  });

  it("answers UpstreamError for a connector whose URL still has placeholders", async () => {
    const { alice } = await team();
    const api = connectors(server.as(alice.key));
    const c = await api.created({ presetSlug: "zendesk" });
    expect(member(await api.health(c.id), "UpstreamError").message).toMatch(/URL is incomplete/);
  });
});
