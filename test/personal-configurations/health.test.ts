import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "../helpers/database.js";
import { newId } from "../../src/db/ids.js";
import { member } from "../connectors/api.js";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { startFailing } from "../servers/broken-servers.js";
import { startMcp } from "../servers/mcp-servers.js";
import { personalConfigurations } from "./api.js";

const KEY = "pconf-key-0123456789";

/** A preset whose templated MCP URL is `origin`/{tenant}/mcp: {tenant} comes from the configuration. */
async function localPreset(origin: string) {
  const slug = `local-${newId("pset").slice(-8)}`;
  await prisma.preset.create({
    data: {
      id: newId("pset"), slug, name: "Local", mcpUrl: `${origin}/{tenant}/mcp`, authType: "API_TOKEN", oauthScopes: [],
      configSchema: { type: "object", properties: { tenant: { type: "string", pattern: "^[a-z]+$" } }, required: ["tenant"] },
    },
  });
  return slug;
}

const row = (id: string) => prisma.personalConfiguration.findUniqueOrThrow({ where: { id } });

describe("testPersonalConfiguration", async () => {
  const server = await startServer();
  // the preset's API key goes out as Authorization: Bearer (no header template in the preset)
  const mcp = await startMcp({ auth: { bearer: KEY }, path: "/acme/mcp" });
  const failing = await startFailing(503);
  afterAll(() => Promise.all([mcp.stop(), failing.stop()]));
  const preset = await localPreset(new URL(mcp.url).origin);
  const failingPreset = await localPreset(new URL(failing.url).origin);

  async function created(credentials: { apiKey: string } | null, presetSlug = preset) {
    const { alice } = await team();
    const api = personalConfigurations(server.as(alice.key));
    const p = member(await api.create({ presetSlug, name: "Mine", configuration: { tenant: "acme" }, credentials }), "CreatePersonalConfigurationSuccess");
    return { api, id: p.personalConfiguration.id };
  }

  it("is HEALTHY after an MCP handshake and ping with the credentials at the filled URL; a repeat is quiet", async () => {
    const { api, id } = await created({ apiKey: KEY });
    const before = mcp.seen.length;
    const t = member(await api.test(id), "TestPersonalConfigurationSuccess").personalConfiguration;
    expect(t).toMatchObject({ healthStatus: "HEALTHY", lastError: null });
    expect(t.lastSyncAt).not.toBeNull();
    const rpcs = mcp.seen.slice(before);
    expect(rpcs.map((s) => s.rpc)).toEqual(expect.arrayContaining(["initialize", "ping"]));
    expect(rpcs.every((s) => s.path === "/acme/mcp" && s.authorization === `Bearer ${KEY}`)).toBe(true);
    const first = await row(id);
    expect(first.version).toBe(2);

    // nothing visible changed: lastSyncAt moves, the version and updatedAt do not
    const again = member(await api.test(id), "TestPersonalConfigurationSuccess").personalConfiguration;
    expect(Date.parse(again.lastSyncAt!)).toBeGreaterThanOrEqual(Date.parse(t.lastSyncAt!));
    const second = await row(id);
    expect(second).toMatchObject({ version: 2, updatedAt: first.updatedAt, healthStatus: "HEALTHY" });
  });

  it("is UNHEALTHY with lastError when the server refuses the credentials; the same failure again writes no version", async () => {
    const { api, id } = await created({ apiKey: "not-the-key" });
    const e = member(await api.test(id), "UpstreamError");
    expect(e.message).toBe("The server refused the credentials (HTTP 401: invalid_token)");
    expect(await row(id)).toMatchObject({ healthStatus: "UNHEALTHY", lastError: e.message, lastSyncAt: null, version: 2 });

    expect(member(await api.test(id), "UpstreamError").message).toBe(e.message);
    expect(await row(id)).toMatchObject({ healthStatus: "UNHEALTHY", lastError: e.message, version: 2 });
  });

  it("is UNHEALTHY when the server fails, without repeating what it answered", async () => {
    const { api, id } = await created({ apiKey: KEY }, failingPreset);
    const e = member(await api.test(id), "UpstreamError");
    expect(e.message).toMatch(/HTTP 503/);
    expect(e.message).not.toContain(KEY);
    expect(await row(id)).toMatchObject({ healthStatus: "UNHEALTHY", lastError: e.message, version: 2 });
  });

  it("goes from UNHEALTHY back to HEALTHY once the server takes the credentials, clearing lastError", async () => {
    const { api, id } = await created({ apiKey: KEY });
    mcp.rotateToken("rotated-key-0123456789");
    try {
      member(await api.test(id), "UpstreamError");
      expect(await row(id)).toMatchObject({ healthStatus: "UNHEALTHY", version: 2 });
    } finally {
      mcp.rotateToken(KEY);
    }
    member(await api.test(id), "TestPersonalConfigurationSuccess");
    expect(await row(id)).toMatchObject({ healthStatus: "HEALTHY", lastError: null, version: 3 });
  });

  it("goes back to UNKNOWN when the configuration or the credentials change", async () => {
    const { api, id } = await created({ apiKey: KEY });
    member(await api.test(id), "TestPersonalConfigurationSuccess");
    const u = member(await api.update({ id, configuration: { tenant: "beta" } }), "UpdatePersonalConfigurationSuccess").personalConfiguration;
    expect(u).toMatchObject({ healthStatus: "UNKNOWN", lastError: null, configuration: { tenant: "beta" } });
    // {tenant} is part of the URL: beta has no server
    expect(member(await api.test(id), "UpstreamError").message).toMatch(/HTTP 404/);
    const c = member(await api.update({ id, configuration: { tenant: "acme" }, credentials: { apiKey: KEY } }), "UpdatePersonalConfigurationSuccess");
    expect(c.personalConfiguration).toMatchObject({ healthStatus: "UNKNOWN", lastError: null });
  });
});
