import { afterAll, describe, expect, it } from "vitest";
import { newId } from "../../src/db/ids.js";
import { refreshDuePersonalTokens } from "../../src/oauth/personal-refresh.js";
import { createRefreshScheduler } from "../../src/oauth/refresh-scheduler.js";
import type { StoredCredentials } from "../../src/oauth/types.js";
import { connectors, member } from "../connectors/api.js";
import { prisma } from "../helpers/database.js";
import { team } from "../helpers/fixtures.js";
import { openJson, startServer } from "../helpers/server.js";
import { confidentialClient, connectedThroughConsent } from "../oauth/flow.js";
import { personalConfigurations } from "../personal-configurations/api.js";
import { startAuthServer } from "../servers/auth-server.js";
import { startMcp } from "../servers/mcp-servers.js";

const CLIENT = { clientId: "plugboard", clientSecret: "health-test-secret-1a2b3c4d5e6f" };
const SLUG = "health-idp";

describe("OAuth tokens of health checks and the refresh scheduler", async () => {
  const server = await startServer({ app: { config: { oauthClients: { [SLUG]: CLIENT } }, refresh: { enabled: false } } });
  const callbackPrefix = `${server.url}/oauth/callback`;
  const auth = await startAuthServer({ clients: [confidentialClient(CLIENT, callbackPrefix)] });
  // the MCP server takes exactly the access tokens the authorization server still honours
  const mcp = await startMcp({ auth: { verify: async (token) => (await auth.provider.AccessToken.find(token)) !== undefined } });
  afterAll(() => Promise.all([mcp.stop(), auth.stop()]));
  await prisma.preset.create({
    data: {
      id: newId("pset"), slug: SLUG, name: "Health IdP", mcpUrl: mcp.url, authType: "OAUTH", oauthScopes: ["mcp:tools", "offline_access"],
      oauth: { issuer: auth.issuer, authorizationUrl: `${auth.issuer}/auth`, tokenUrl: `${auth.issuer}/token`, revocationUrl: `${auth.issuer}/token/revocation` },
    },
  });
  const { alice } = await team();
  const gql = server.as(alice.key);
  const api = connectors(gql);
  const pconfs = personalConfigurations(gql);
  const services = server.app.services;

  /** A CONNECTED connector of the preset, through a real consent, and the tokens it holds. */
  async function consented() {
    const connector = await connectedThroughConsent(gql, SLUG, callbackPrefix);
    const row = await prisma.connector.findUniqueOrThrow({ where: { id: connector.id } });
    return { connector, tokens: openJson<StoredCredentials>("Connector.credentialsEnc", row.id, row.credentialsEnc!) };
  }

  /** A personal configuration of the preset holding a fresh grant's tokens, expiring at `expiresAt`. */
  async function personal(expiresAt: Date) {
    const { tokens } = await consented();
    const p = member(
      await pconfs.create({
        presetSlug: SLUG, name: "Mine", configuration: {},
        credentials: { oauth2: { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: expiresAt.toISOString() } },
      }),
      "CreatePersonalConfigurationSuccess",
    ).personalConfiguration;
    return { id: p.id, tokens };
  }

  const stored = async (id: string) => {
    const row = await prisma.personalConfiguration.findUniqueOrThrow({ where: { id } });
    return { row, tokens: openJson<{ accessToken: string; refreshToken?: string }>("PersonalConfiguration.credentialsEnc", id, row.credentialsEnc!) };
  };
  /** Only this configuration is due: the others of this file are pushed out of the window. */
  const onlyDue = (id: string) => prisma.personalConfiguration.updateMany({ where: { id: { not: id } }, data: { credentialsExpireAt: new Date(Date.now() + 3_600_000) } });
  const revoke = async (token: string) => (await auth.provider.RefreshToken.find(token))!.destroy();
  const inAMinute = () => new Date(Date.now() + 60_000);

  it("a connector's refused refresh after a 401 on a health check is TOKEN_EXPIRED", async () => {
    const { connector, tokens } = await consented();
    await (await auth.provider.AccessToken.find(tokens.accessToken))!.destroy();
    await revoke(tokens.refreshToken!);
    const refreshes = auth.count("token", "refresh_token");

    const e = member(await api.health(connector.id), "UpstreamError");
    expect(e.message).toMatch(/^The provider refused to refresh the access token \(invalid_grant/);
    expect(auth.count("token", "refresh_token")).toBe(refreshes + 1);
    expect(await api.history(connector.id)).toMatchObject({ state: "TOKEN_EXPIRED", statusReason: e.message, isAuthenticated: false });
  });

  it("a connector's token refused with a 401 is refreshed once and the check tried again", async () => {
    const { connector, tokens } = await consented();
    await (await auth.provider.AccessToken.find(tokens.accessToken))!.destroy();
    const before = (await api.history(connector.id))!;

    const h = member(await api.health(connector.id), "CheckConnectorHealthSuccess").connector;
    // recorded although the credentials changed under the check: by its own refresh, not a person
    expect(h).toMatchObject({ state: "CONNECTED", lastError: null, version: before.version });
    expect(Date.parse(h.lastSyncAt!)).toBeGreaterThan(Date.parse(before.lastSyncAt!));
    const row = await prisma.connector.findUniqueOrThrow({ where: { id: connector.id } });
    const now = openJson<StoredCredentials>("Connector.credentialsEnc", row.id, row.credentialsEnc!);
    expect(now.accessToken).not.toBe(tokens.accessToken);
    expect(mcp.seen.at(-1)!.authorization).toBe(`Bearer ${now.accessToken}`);
  });

  it("the scheduler refreshes a personal configuration's token near expiry at the preset's token endpoint, quietly", async () => {
    const { id, tokens } = await personal(inAMinute());
    await onlyDue(id);
    const before = await stored(id);

    expect(await refreshDuePersonalTokens(services)).toEqual({ refreshed: 1, expired: 0, failed: 0 });
    const after = await stored(id);
    expect(after.tokens.accessToken).not.toBe(tokens.accessToken);
    expect(await auth.provider.AccessToken.find(after.tokens.accessToken)).toBeDefined();
    expect(after.tokens.refreshToken).toBe(tokens.refreshToken);
    expect(after.row.credentialsExpireAt!.getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);
    // nothing a client watches changed: no version, updatedAt kept, the lease freed
    expect(after.row).toMatchObject({ version: before.row.version, updatedAt: before.row.updatedAt, refreshLeaseUntil: null });
    expect(server.logs.join("\n")).not.toContain(after.tokens.accessToken);

    // the new token works upstream
    expect(member(await pconfs.test(id), "TestPersonalConfigurationSuccess").personalConfiguration.healthStatus).toBe("HEALTHY");
    expect(mcp.seen.at(-1)!.authorization).toBe(`Bearer ${after.tokens.accessToken}`);
  });

  it("refreshes a personal configuration's token exactly once when two passes run at the same time", async () => {
    const { id } = await personal(inAMinute());
    await onlyDue(id);
    const refreshes = auth.count("token", "refresh_token");
    const [a, b] = await Promise.all([refreshDuePersonalTokens(services), refreshDuePersonalTokens(services)]);
    expect(a.refreshed + b.refreshed).toBe(1);
    expect(auth.count("token", "refresh_token")).toBe(refreshes + 1);
  });

  it("a refused refresh makes a personal configuration UNHEALTHY, says to reconnect, and is not asked again until new credentials", async () => {
    const { id, tokens } = await personal(inAMinute());
    await onlyDue(id);
    await revoke(tokens.refreshToken!);
    const refreshes = auth.count("token", "refresh_token");

    expect(await refreshDuePersonalTokens(services)).toEqual({ refreshed: 0, expired: 1, failed: 0 });
    const after = await stored(id);
    expect(after.row).toMatchObject({ healthStatus: "UNHEALTHY", version: 2 });
    expect(after.row.lastError).toMatch(/^The provider refused to refresh the access token \(invalid_grant.*: reconnect$/);
    expect(after.tokens.accessToken).toBe(tokens.accessToken);
    expect(auth.count("token", "refresh_token")).toBe(refreshes + 1);

    // neither the scheduler nor a test asks the provider again about these credentials
    expect(await refreshDuePersonalTokens(services)).toEqual({ refreshed: 0, expired: 0, failed: 0 });
    member(await pconfs.test(id), "TestPersonalConfigurationSuccess"); // the access token still works
    expect(auth.count("token", "refresh_token")).toBe(refreshes + 1);

    const fresh = await consented();
    member(
      await pconfs.update({ id, credentials: { oauth2: { accessToken: fresh.tokens.accessToken, refreshToken: fresh.tokens.refreshToken, expiresAt: inAMinute().toISOString() } } }),
      "UpdatePersonalConfigurationSuccess",
    );
    expect(await refreshDuePersonalTokens(services)).toEqual({ refreshed: 1, expired: 0, failed: 0 });
  });

  it("one pass of the refresh scheduler refreshes connectors' and personal configurations' tokens; a refused connector is TOKEN_EXPIRED", async () => {
    const [good, refused] = [await consented(), await consented()];
    await revoke(refused.tokens.refreshToken!);
    const { id } = await personal(inAMinute());
    await onlyDue(id);
    await prisma.connector.updateMany({ where: { id: { notIn: [good.connector.id, refused.connector.id] } }, data: { tokenExpiresAt: new Date(Date.now() + 3_600_000) } });
    await prisma.connector.updateMany({ where: { id: { in: [good.connector.id, refused.connector.id] } }, data: { tokenExpiresAt: inAMinute() } });

    const scheduler = createRefreshScheduler(services, { intervalMs: 3_600_000 });
    expect(await scheduler.runNow()).toEqual({ refreshed: 2, expired: 1, failed: 0 });
    expect((await stored(id)).row.refreshLeaseUntil).toBeNull();
    expect(await api.history(good.connector.id)).toMatchObject({ state: "CONNECTED", version: good.connector.version });
    const expired = (await api.history(refused.connector.id))!;
    expect(expired.state).toBe("TOKEN_EXPIRED");
    expect(expired.statusReason).toMatch(/^The provider refused to refresh the access token \(invalid_grant.*: connect again$/);
  });

  it("a personal configuration's token expiring within a minute is refreshed before a test", async () => {
    const { id, tokens } = await personal(new Date(Date.now() + 30_000));
    const refreshes = auth.count("token", "refresh_token");

    const t = member(await pconfs.test(id), "TestPersonalConfigurationSuccess").personalConfiguration;
    expect(t).toMatchObject({ healthStatus: "HEALTHY", lastError: null });
    const after = await stored(id);
    expect(after.tokens.accessToken).not.toBe(tokens.accessToken);
    expect(auth.count("token", "refresh_token")).toBe(refreshes + 1);
    expect(mcp.seen.at(-1)!.authorization).toBe(`Bearer ${after.tokens.accessToken}`);
  });

  it("a personal configuration's token refused with a 401 is refreshed once; a refused refresh is UNHEALTHY", async () => {
    const good = await personal(new Date(Date.now() + 3_600_000));
    await (await auth.provider.AccessToken.find(good.tokens.accessToken))!.destroy();
    expect(member(await pconfs.test(good.id), "TestPersonalConfigurationSuccess").personalConfiguration.healthStatus).toBe("HEALTHY");
    expect((await stored(good.id)).tokens.accessToken).not.toBe(good.tokens.accessToken);

    const bad = await personal(new Date(Date.now() + 3_600_000));
    await (await auth.provider.AccessToken.find(bad.tokens.accessToken))!.destroy();
    await revoke(bad.tokens.refreshToken!);
    const e = member(await pconfs.test(bad.id), "UpstreamError");
    expect(e.message).toMatch(/^The provider refused to refresh the access token \(invalid_grant.*: reconnect$/);
    expect((await stored(bad.id)).row).toMatchObject({ healthStatus: "UNHEALTHY", lastError: e.message });
  });
});
