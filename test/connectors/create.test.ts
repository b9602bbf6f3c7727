import { describe, expect, it } from "vitest";
import { openSecret } from "../helpers/server.js";
import { prisma } from "../helpers/database.js";
import { newId } from "../../src/db/ids.js";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { connectors, member } from "./api.js";

const GITHUB_CONFIG = { repository: "octo-org/octo-repo", branch: "main", paths: [] };

describe("createConnector", async () => {
  const server = await startServer({ catalog: "shipped" });

  it("creates a TEAM connector from a preset: CREATED, version 1, the preset's tools copied, a CREATED event", async () => {
    const { alice } = await team();
    const api = connectors(server.as(alice.key));
    const c = await api.created({ presetSlug: "github" });
    expect(c).toMatchObject({ type: "github", name: "GitHub", url: "https://api.githubcopilot.com/mcp/", scope: "TEAM", authType: "OAUTH" });
    expect(c).toMatchObject({ state: "CREATED", version: 1, isConfigured: false, isAuthenticated: false, createdBy: { id: alice.userId } });
    const presetTools = await prisma.presetTool.findMany({ where: { preset: { slug: "github" } }, orderBy: { position: "asc" } });
    expect(c.tools.map((t) => t.name)).toEqual(presetTools.map((t) => t.name));
    for (const t of c.tools) expect(t.id).toMatch(/^tool_/);
    const presetToolIds = new Set(presetTools.map((t) => t.id));
    expect(c.tools.filter((t) => presetToolIds.has(t.id))).toEqual([]);
    const history = await api.history(c.id);
    expect(history?.events.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ kind: "CREATED", previousState: null, state: "CREATED", version: 1, actor: { id: alice.userId } }),
    ]);
  });

  it("validates the configuration against the preset's schema and sets isConfigured", async () => {
    const api = connectors(server.as((await team()).alice.key));
    const c = await api.created({ presetSlug: "github", configuration: GITHUB_CONFIG, name: "Docs repo", metadata: { team: "docs" } });
    expect(c).toMatchObject({ isConfigured: true, configuration: GITHUB_CONFIG, name: "Docs repo", metadata: { team: "docs" } });
    // a schema without required properties counts as configured with no configuration at all
    await prisma.preset.create({
      data: { id: newId("pset"), slug: "optional-config", name: "Optional", mcpUrl: "https://optional.example.test/mcp", authType: "NONE", oauthScopes: [], configSchema: { type: "object", properties: { a: { type: "string" } } } },
    });
    expect((await api.created({ presetSlug: "optional-config" })).isConfigured).toBe(true);
  });

  it("answers one fieldError per schema violation, at the configuration path, and writes nothing", async () => {
    const { alice, organizationId } = await team();
    const api = connectors(server.as(alice.key));
    const bad = member(
      await api.create({ presetSlug: "github", configuration: { repository: "not a repo", branch: "", paths: "src", extra: 1 } }),
      "ValidationError",
    );
    expect(bad.fieldErrors.map((e) => e.path).sort()).toEqual(
      [["input", "configuration", "branch"], ["input", "configuration", "extra"], ["input", "configuration", "paths"], ["input", "configuration", "repository"]],
    );
    const missing = member(await api.create({ presetSlug: "github", configuration: {} }), "ValidationError");
    expect(missing.fieldErrors.map((e) => e.path.at(-1)).sort()).toEqual(["branch", "paths", "repository"]);
    expect(await prisma.connector.count({ where: { organizationId } })).toBe(0);
    expect(await prisma.connectorEvent.count({ where: { organizationId } })).toBe(0);
  });

  it("fills a templated mcpUrl from the configuration, and keeps the template until it can", async () => {
    const api = connectors(server.as((await team()).alice.key));
    const filled = await api.created({ presetSlug: "zendesk", configuration: { subdomain: "acme" } });
    expect(filled).toMatchObject({ url: "https://acme.zendesk.com/api/mcp", isConfigured: true });
    const unfilled = await api.created({ presetSlug: "zendesk" });
    expect(unfilled).toMatchObject({ url: "https://{subdomain}.zendesk.com/api/mcp", isConfigured: false });
  });

  it("links the preset whose mcpUrl a URL is (scheme, host, path; trailing slash aside), placeholders included", async () => {
    const api = connectors(server.as((await team()).alice.key));
    const github = await api.created({ url: "https://API.githubcopilot.com/mcp" });
    expect(github).toMatchObject({ type: "github", preset: { slug: "github" }, authType: "OAUTH", url: "https://API.githubcopilot.com/mcp" });
    expect(github.tools.length).toBeGreaterThan(0);
    const zendesk = await api.created({ url: "https://acme.zendesk.com/api/mcp/" });
    expect(zendesk).toMatchObject({ type: "zendesk", configuration: { subdomain: "acme" }, isConfigured: true, name: "Zendesk" });
    const teams = await api.created({ url: "https://agent365.svc.cloud.microsoft/agents/tenants/0f0e0d0c-0b0a-0908-0706-050403020100/servers/mcp_TeamsServer" });
    // the URL gives tenantId only; the rest of the schema is still to be configured
    expect(teams).toMatchObject({ type: "microsoft-teams", isConfigured: false, configuration: { tenantId: "0f0e0d0c-0b0a-0908-0706-050403020100" } });
    const contradiction = member(await api.create({ url: "https://acme.zendesk.com/api/mcp", configuration: { subdomain: "other" } }), "ValidationError");
    expect(contradiction.fieldErrors.map((e) => e.path)).toEqual([["input", "configuration", "subdomain"]]);
  });

  it("makes a custom MCP connector from a URL no preset has, or with matchPreset: false", async () => {
    const api = connectors(server.as((await team()).alice.key));
    for (const input of [{ url: "https://mcp.internal.example.test/v1/mcp" }, { url: "https://api.githubcopilot.com/mcp/", matchPreset: false }]) {
      const c = await api.created(input);
      expect(c).toMatchObject({ type: "mcp", preset: null, authType: "NONE", isConfigured: true, tools: [], url: input.url });
      expect(c.name).toBe(new URL(input.url).hostname);
    }
  });

  it("takes exactly one of presetSlug and url", async () => {
    const api = connectors(server.as((await team()).alice.key));
    for (const input of [{}, { presetSlug: "github", url: "https://api.githubcopilot.com/mcp/" }]) {
      const e = member(await api.create(input), "ValidationError");
      expect(e.fieldErrors.map((f) => f.path)).toEqual([["input", "presetSlug"], ["input", "url"]]);
    }
  });

  it("answers NotFoundError for an unknown preset and ValidationError for a disabled one", async () => {
    const api = connectors(server.as((await team()).alice.key));
    expect(member(await api.create({ presetSlug: "no-such-preset" }), "NotFoundError").message).toContain("no-such-preset");
    await prisma.preset.create({
      data: { id: newId("pset"), slug: "retired", name: "Retired", mcpUrl: "https://retired.example.test/mcp", authType: "NONE", oauthScopes: [], enabled: false },
    });
    const e = member(await api.create({ presetSlug: "retired" }), "ValidationError");
    expect(e.fieldErrors[0].path).toEqual(["input", "presetSlug"]);
    // a disabled preset is not linked from its URL either
    expect((await api.created({ url: "https://retired.example.test/mcp" })).type).toBe("mcp");
  });

  it("rejects bad names, URLs with credentials, and oversized metadata with their paths", async () => {
    const api = connectors(server.as((await team()).alice.key));
    const cases: [Record<string, unknown>, string[]][] = [
      [{ presetSlug: "github", name: "  " }, ["input", "name"]],
      [{ presetSlug: "github", name: "x".repeat(201) }, ["input", "name"]],
      [{ url: "https://user:pw@mcp.example.test/mcp" }, ["input", "url"]],
      [{ presetSlug: "github", metadata: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, i])) }, ["input", "metadata"]],
      [{ presetSlug: "github", metadata: { big: "x".repeat(17 * 1024) } }, ["input", "metadata"]],
    ];
    for (const [input, path] of cases) {
      expect(member(await api.create(input), "ValidationError").fieldErrors.map((e) => e.path)).toEqual([path]);
    }
    // a URL that is not absolute http(s) fails the URL scalar itself, before any resolver runs
    const res = await server.as((await team()).alice.key).raw(`mutation { createConnector(input: { url: "ftp://x.test" }) { __typename } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("lets only ADMINs create TEAM connectors; anyone creates PERSONAL ones, owned by their user or key", async () => {
    const { alice, bob, orgKey } = await team();
    expect(member(await connectors(server.as(bob.key)).create({ presetSlug: "github" }), "ForbiddenError").message).toMatch(/ADMIN/);
    const bobs = await connectors(server.as(bob.key)).created({ presetSlug: "github", scope: "PERSONAL" });
    expect(bobs).toMatchObject({ scope: "PERSONAL", createdBy: { id: bob.userId } });
    const keys = await connectors(server.as(orgKey.key)).created({ presetSlug: "github", scope: "PERSONAL" });
    expect(keys.createdBy).toBeNull();
    expect(await prisma.connector.findUnique({ where: { id: keys.id } })).toMatchObject({ ownerApiKeyId: orgKey.keyId, createdById: null });
    expect(await connectors(server.as(alice.key)).history(keys.id)).toBeNull();
    expect(await connectors(server.as(alice.key)).history(bobs.id)).toBeNull();
  });

  it("stores clientId and the clientSecret sealed to its row", async () => {
    const api = connectors(server.as((await team()).alice.key));
    const c = await api.created({ presetSlug: "github", clientId: "client-123", clientSecret: "s3cret-value" });
    const row = await prisma.connector.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.clientId).toBe("client-123");
    expect(row.clientSecretEnc).not.toContain("s3cret-value");
    expect(openSecret("Connector.clientSecretEnc", c.id, row.clientSecretEnc!)).toBe("s3cret-value");
  });
});
