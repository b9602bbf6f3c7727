import { describe, expect, it } from "vitest";
import { prisma } from "../helpers/database.js";
import { newId } from "../../src/db/ids.js";
import { member } from "../connectors/api.js";
import { answeringServer, silentUrl } from "../connectors/http-servers.js";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { personalConfigurations } from "./api.js";

/** A preset whose templated MCP URL points at a local server: {tenant} comes from the configuration. */
async function localPreset(base: string) {
  const slug = `local-${newId("pset").slice(-8)}`;
  await prisma.preset.create({
    data: {
      id: newId("pset"), slug, name: "Local", mcpUrl: `${base}/{tenant}/mcp`, authType: "API_TOKEN", oauthScopes: [],
      configSchema: { type: "object", properties: { tenant: { type: "string", pattern: "^[a-z]+$" } }, required: ["tenant"] },
    },
  });
  return slug;
}

describe("testPersonalConfiguration", async () => {
  const server = await startServer();
  const answering = await localPreset(await answeringServer(401));
  const silent = await localPreset(await silentUrl());

  it("records HEALTHY with lastSyncAt when the preset's server answers at the filled URL", async () => {
    const { alice } = await team();
    const api = personalConfigurations(server.as(alice.key));
    const p = member(await api.create({ presetSlug: answering, name: "Mine", configuration: { tenant: "acme" }, credentials: { apiKey: "k" } }), "CreatePersonalConfigurationSuccess").personalConfiguration;
    const t = member(await api.test(p.id), "TestPersonalConfigurationSuccess").personalConfiguration;
    expect(t).toMatchObject({ healthStatus: "HEALTHY", lastError: null });
    expect(t.lastSyncAt).not.toBeNull();
    expect((await prisma.personalConfiguration.findUniqueOrThrow({ where: { id: p.id } })).version).toBe(2);
  });

  it("saves UNHEALTHY and lastError, then answers UpstreamError, when nothing answers", async () => {
    const { alice } = await team();
    const api = personalConfigurations(server.as(alice.key));
    const p = member(await api.create({ presetSlug: silent, name: "Mine", configuration: { tenant: "acme" } }), "CreatePersonalConfigurationSuccess").personalConfiguration;
    const e = member(await api.test(p.id), "UpstreamError");
    expect(e.message).toMatch(/No server answered at 127\.0\.0\.1:\d+/);
    const row = await prisma.personalConfiguration.findUniqueOrThrow({ where: { id: p.id } });
    expect(row).toMatchObject({ healthStatus: "UNHEALTHY", lastError: e.message, lastSyncAt: null, version: 2 });
  });

  it("goes back to UNKNOWN when the configuration changes", async () => {
    const { alice } = await team();
    const api = personalConfigurations(server.as(alice.key));
    const p = member(await api.create({ presetSlug: answering, name: "Mine", configuration: { tenant: "acme" } }), "CreatePersonalConfigurationSuccess").personalConfiguration;
    member(await api.test(p.id), "TestPersonalConfigurationSuccess");
    const u = member(await api.update({ id: p.id, configuration: { tenant: "beta" } }), "UpdatePersonalConfigurationSuccess").personalConfiguration;
    expect(u).toMatchObject({ healthStatus: "UNKNOWN", configuration: { tenant: "beta" } });
  });
});
