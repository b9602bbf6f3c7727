import { afterAll, describe, expect, it } from "vitest";
import { openJson, sealJson } from "../helpers/server.js";
import { prisma } from "../helpers/database.js";
import { createLogger } from "../../src/logger.js";
import { refreshDueTokens } from "../../src/oauth/refresh.js";
import { createRefreshScheduler } from "../../src/oauth/refresh-scheduler.js";
import type { StoredCredentials } from "../../src/oauth/types.js";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { scrape, valueOf } from "../ops/prometheus.js";
import { startAuthServer } from "../servers/auth-server.js";
import { confidentialClient, connectedThroughConsent, presetFor, readConnector } from "./flow.js";

const CLIENT = { clientId: "plugboard", clientSecret: "refresh-test-secret-1a2b3c4d5e6f" };
const SLUG = "refresh-idp";
const TTL_SECONDS = 60; // inside the five-minute window at once: every token is due

describe("OAuth token refresh", async () => {
  const oauthClients = { [SLUG]: CLIENT };
  const server = await startServer({ app: { config: { allowedRedirectOrigins: [], oauthClients }, refresh: { enabled: false } } });
  const callbackPrefix = `${server.url}/oauth/callback`;
  const auth = await startAuthServer({
    accessTokenTtl: TTL_SECONDS,
    clients: [confidentialClient(CLIENT, callbackPrefix)],
  });
  afterAll(() => auth.stop());
  await presetFor(auth, SLUG);
  const { alice } = await team();
  const gql = server.as(alice.key);
  const pass = server.app.services;

  async function connected() {
    const connector = await connectedThroughConsent(gql, SLUG, callbackPrefix);
    return { connector, credentials: await stored(connector.id) };
  }

  async function stored(id: string) {
    const row = await prisma.connector.findUniqueOrThrow({ where: { id } });
    return { row, tokens: openJson<StoredCredentials>("Connector.credentialsEnc", id, row.credentialsEnc!) };
  }

  /** Only this connector is due: the others of this file are pushed out of the window. */
  async function onlyDue(id: string) {
    await prisma.connector.updateMany({ where: { id: { not: id } }, data: { tokenExpiresAt: new Date(Date.now() + 3_600_000) } });
  }

  it("refreshes a token near expiry and stores the new one, quietly", async () => {
    const { connector, credentials } = await connected();
    await onlyDue(connector.id);
    const refreshes = auth.count("token", "refresh_token");

    expect(await refreshDueTokens(pass)).toEqual({ refreshed: 1, expired: 0, failed: 0 });
    expect(auth.count("token", "refresh_token")).toBe(refreshes + 1);
    const after = await stored(connector.id);
    expect(after.tokens.accessToken).not.toBe(credentials.tokens.accessToken);
    expect(await auth.provider.AccessToken.find(after.tokens.accessToken)).toBeDefined();
    // this provider does not rotate a confidential client's refresh token: the one held is kept
    expect(after.tokens.refreshToken).toBe(credentials.tokens.refreshToken);
    expect(after.row.tokenExpiresAt!.getTime()).toBeGreaterThanOrEqual(credentials.row.tokenExpiresAt!.getTime());
    expect(after.row.refreshLeaseUntil).toBeNull();
    // nothing anyone sees changed: no version, no event, no updatedAt
    expect(await readConnector(gql, connector.id)).toEqual(connector);
    expect(after.row.updatedAt).toEqual(credentials.row.updatedAt);
    expect(server.logs.join("\n")).not.toContain(after.tokens.accessToken);
    expect(valueOf(await scrape(server.url), "plugboard_oauth_refreshes_total", { subject: "connector", outcome: "refreshed" })).toBe(1);
  });

  it("moves a connector whose refresh token was revoked to TOKEN_EXPIRED", async () => {
    const { connector, credentials } = await connected();
    await onlyDue(connector.id);
    await (await auth.provider.RefreshToken.find(credentials.tokens.refreshToken!))!.destroy();

    expect(await refreshDueTokens(pass)).toEqual({ refreshed: 0, expired: 1, failed: 0 });
    const after = await readConnector(gql, connector.id);
    expect(after).toMatchObject({ state: "TOKEN_EXPIRED", isAuthenticated: false, version: connector.version + 1 });
    expect(after.statusReason).toMatch(/^The provider refused to refresh the access token \(invalid_grant/);
    expect(valueOf(await scrape(server.url), "plugboard_oauth_refreshes_total", { subject: "connector", outcome: "refused" })).toBe(1);
    // expired connectors are not tried again
    expect(await refreshDueTokens(pass)).toEqual({ refreshed: 0, expired: 0, failed: 0 });
  });

  it("moves an expired token without a refresh token to TOKEN_EXPIRED", async () => {
    const { connector } = await connected();
    await onlyDue(connector.id);
    await prisma.connector.update({
      where: { id: connector.id },
      data: {
        credentialsEnc: sealJson("Connector.credentialsEnc", connector.id, { accessToken: "no-refresh-token" }),
        tokenExpiresAt: new Date(Date.now() - 1_000),
      },
    });
    expect(await refreshDueTokens(pass)).toEqual({ refreshed: 0, expired: 1, failed: 0 });
    const after = await readConnector(gql, connector.id);
    expect(after.state).toBe("TOKEN_EXPIRED");
    expect(after.statusReason).toMatch(/no refresh token/);
  });

  it("refreshes a token exactly once when two schedulers run at the same time", async () => {
    const { connector, credentials } = await connected();
    await onlyDue(connector.id);
    const refreshes = auth.count("token", "refresh_token");
    const a = createRefreshScheduler(pass, { intervalMs: 60_000 });
    const b = createRefreshScheduler(pass, { intervalMs: 60_000 });

    const [ra, rb] = await Promise.all([a.runNow(), b.runNow()]);
    expect(ra.refreshed + rb.refreshed).toBe(1);
    expect(auth.count("token", "refresh_token")).toBe(refreshes + 1);
    const after = await stored(connector.id);
    expect(after.tokens.accessToken).not.toBe(credentials.tokens.accessToken);
    expect(await readConnector(gql, connector.id)).toMatchObject({ state: "CONNECTED", version: connector.version });
  });

  it("runs on its interval when the app starts it", async () => {
    const { connector, credentials } = await connected();
    await onlyDue(connector.id);
    const other = await startServer({ app: { config: { allowedRedirectOrigins: [], oauthClients }, refresh: { intervalMs: 25 } } });
    try {
      // the one place a wait is needed: the timer's pass; bounded, checked at every step
      let tokens = credentials.tokens;
      for (let i = 0; i < 200 && tokens.accessToken === credentials.tokens.accessToken; i++) {
        await new Promise((r) => setTimeout(r, 25));
        tokens = (await stored(connector.id)).tokens;
      }
      expect(tokens.accessToken).not.toBe(credentials.tokens.accessToken);
    } finally {
      await other.stop();
    }
  });
});
