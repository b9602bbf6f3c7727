import { afterAll, describe, expect, it } from "vitest";
import { openJson, sealSecret } from "../helpers/server.js";
import { prisma } from "../helpers/database.js";
import type { StoredCredentials } from "../../src/oauth/types.js";
import { team } from "../helpers/fixtures.js";
import { ok } from "../helpers/graphql.js";
import { startServer } from "../helpers/server.js";
import { startAuthServer } from "../servers/auth-server.js";
import { consent, openCallback } from "./browser.js";
import { ConnectConnector, confidentialClient, createConnector, DisconnectConnector, presetFor, readConnector, startConsent } from "./flow.js";

const APP_ORIGIN = "https://app.example.test";
const CLIENT = { clientId: "plugboard", clientSecret: "test-client-secret-9f8e7d6c5b4a" };
const OWN_CLIENT = { clientId: "plugboard-own", clientSecret: "connector-own-secret-0a1b2c3d4e5f" };
const SLUG = "test-idp";

describe("OAuth authorization code flow", async () => {
  const server = await startServer({
    app: {
      config: { allowedRedirectOrigins: [APP_ORIGIN], oauthClients: { [SLUG]: CLIENT } },
      refresh: { enabled: false },
    },
  });
  const callbackPrefix = `${server.url}/oauth/callback`;
  const auth = await startAuthServer({
    clients: [confidentialClient(CLIENT, callbackPrefix), confidentialClient(OWN_CLIENT, callbackPrefix)],
  });
  afterAll(() => auth.stop());
  await presetFor(auth, SLUG);
  const { alice } = await team();
  const gql = server.as(alice.key);

  it("connects through consent, the callback and the code exchange with PKCE", async () => {
    const created = await createConnector(gql, { presetSlug: SLUG });
    const { connector, authorizationUrl } = await startConsent(gql, created.id, `${APP_ORIGIN}/done`);
    expect(connector.version).toBe(created.version + 1);
    const url = new URL(authorizationUrl);
    expect(url.origin + url.pathname).toBe(`${auth.issuer}/auth`);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("redirect_uri")).toBe(callbackPrefix);

    const callback = await consent(authorizationUrl, callbackPrefix);
    const res = await openCallback(callback);
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get("location")!);
    expect(location.origin + location.pathname).toBe(`${APP_ORIGIN}/done`);
    expect(location.searchParams.get("connector_id")).toBe(created.id);
    expect(location.searchParams.get("status")).toBe("connected");

    const after = await readConnector(gql, created.id);
    expect(after).toMatchObject({ state: "CONNECTED", statusReason: null, isAuthenticated: true, authRequest: null });
    expect(after.version).toBe(connector.version + 1);
    const token = auth.seen.find((s) => s.route === "token" && s.grantType === "authorization_code");
    expect(token).toMatchObject({ status: 200, hasCodeVerifier: true, clientId: CLIENT.clientId });

    const row = await prisma.connector.findUniqueOrThrow({ where: { id: created.id } });
    const credentials = openJson<StoredCredentials>("Connector.credentialsEnc", row.id, row.credentialsEnc!);
    expect(await auth.provider.AccessToken.find(credentials.accessToken)).toBeDefined();
    expect(await auth.provider.RefreshToken.find(credentials.refreshToken!)).toBeDefined();
    expect(row.tokenExpiresAt!.getTime()).toBeGreaterThan(Date.now());
    const logs = server.logs.join("\n");
    for (const secret of [credentials.accessToken, credentials.refreshToken!, CLIENT.clientSecret, new URL(callback).searchParams.get("code")!]) {
      expect(logs).not.toContain(secret);
    }
  });

  /** A connector waiting for consent, with the callback URL the provider sends the browser to. */
  async function consented(options: { redirectUrl?: string; decision?: "approve" | "deny"; clientId?: string; clientSecret?: string } = {}) {
    const created = await createConnector(gql, { presetSlug: SLUG, clientId: options.clientId, clientSecret: options.clientSecret });
    const { connector, authorizationUrl } = await startConsent(gql, created.id, options.redirectUrl);
    const callback = await consent(authorizationUrl, callbackPrefix, options.decision);
    return { id: created.id, waiting: connector, authorizationUrl, callback };
  }

  const redirected = (res: Response) => {
    expect(res.status).toBe(302);
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    return Object.fromEntries(new URL(res.headers.get("location")!).searchParams);
  };

  it("answers a small page when connect was given no redirectUrl", async () => {
    const flow = await consented();
    const res = await openCallback(flow.callback);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(await res.text()).toContain("connected");
    expect((await readConnector(gql, flow.id)).state).toBe("CONNECTED");
  });

  it("accepts a redirect URL on this server's own origin", async () => {
    const flow = await consented({ redirectUrl: `${server.url}/connected` });
    expect(redirected(await openCallback(flow.callback))).toMatchObject({ connector_id: flow.id, status: "connected" });
  });

  it("refuses a redirect URL whose origin is not allowed: no open redirect", async () => {
    const created = await createConnector(gql, { presetSlug: SLUG });
    for (const redirectUrl of ["https://evil.example/steal", "https://app.example.test.evil.example/x", "http://127.0.0.1:1/same-host-other-port"]) {
      const data = ok(await gql.run(ConnectConnector, { input: { id: created.id, redirectUrl } }));
      expect(data.connectConnector.__typename).toBe("ValidationError");
      if (data.connectConnector.__typename === "ValidationError") {
        expect(data.connectConnector.fieldErrors.map((f) => f.path)).toEqual([["input", "redirectUrl"]]);
      }
    }
    const after = await readConnector(gql, created.id);
    expect(after).toMatchObject({ state: "CREATED", version: created.version });
    expect(await prisma.oAuthAuthorization.count({ where: { connectorId: created.id } })).toBe(0);
  });

  it("uses the connector's own client when it was created with one", async () => {
    const flow = await consented({ clientId: OWN_CLIENT.clientId, clientSecret: OWN_CLIENT.clientSecret, redirectUrl: `${APP_ORIGIN}/done` });
    expect(new URL(flow.authorizationUrl).searchParams.get("client_id")).toBe(OWN_CLIENT.clientId);
    expect(redirected(await openCallback(flow.callback))).toMatchObject({ status: "connected" });
    expect(auth.seen.filter((s) => s.route === "token" && s.clientId === OWN_CLIENT.clientId && s.status === 200)).toHaveLength(1);
  });

  it("lets a state be used once: a replay changes nothing", async () => {
    const flow = await consented({ redirectUrl: `${APP_ORIGIN}/done` });
    expect(redirected(await openCallback(flow.callback))).toMatchObject({ status: "connected" });
    const connected = await readConnector(gql, flow.id);
    const exchanges = auth.count("token", "authorization_code");

    const replay = redirected(await openCallback(flow.callback));
    expect(replay).toMatchObject({ connector_id: flow.id, status: "error", error: "invalid_state" });
    expect(auth.count("token", "authorization_code")).toBe(exchanges);
    expect(await readConnector(gql, flow.id)).toEqual(connected);
  });

  it("fails an expired authorization with AUTH_FAILED and a reason", async () => {
    const flow = await consented({ redirectUrl: `${APP_ORIGIN}/done` });
    // the ten minutes pass
    await prisma.oAuthAuthorization.updateMany({ where: { connectorId: flow.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    const exchanges = auth.count("token", "authorization_code");

    expect(redirected(await openCallback(flow.callback))).toMatchObject({ connector_id: flow.id, status: "error", error: "expired_state" });
    const after = await readConnector(gql, flow.id);
    expect(after).toMatchObject({ state: "AUTH_FAILED", version: flow.waiting.version + 1, authRequest: null });
    expect(after.statusReason).toMatch(/expired/);
    expect(auth.count("token", "authorization_code")).toBe(exchanges);
  });

  it("fails with the provider's error when consent is refused", async () => {
    const flow = await consented({ redirectUrl: `${APP_ORIGIN}/done`, decision: "deny" });
    expect(new URL(flow.callback).searchParams.get("error")).toBe("access_denied");
    expect(redirected(await openCallback(flow.callback))).toMatchObject({ connector_id: flow.id, status: "error", error: "access_denied" });
    const after = await readConnector(gql, flow.id);
    expect(after).toMatchObject({ state: "AUTH_FAILED", version: flow.waiting.version + 1 });
    expect(after.statusReason).toBe("The provider refused the authorization: access_denied (The user declined)");
  });

  it("fails when the code exchange fails: the server checks the PKCE verifier", async () => {
    const flow = await consented({ redirectUrl: `${APP_ORIGIN}/done` });
    const row = await prisma.oAuthAuthorization.findFirstOrThrow({ where: { connectorId: flow.id } });
    await prisma.oAuthAuthorization.update({
      where: { id: row.id },
      data: { codeVerifierEnc: sealSecret("OAuthAuthorization.codeVerifierEnc", row.id, "x".repeat(64)) },
    });

    expect(redirected(await openCallback(flow.callback))).toMatchObject({ status: "error", error: "invalid_grant" });
    expect(auth.seen.at(-1)).toMatchObject({ route: "token", status: 400, hasCodeVerifier: true });
    const after = await readConnector(gql, flow.id);
    expect(after.state).toBe("AUTH_FAILED");
    expect(after.statusReason).toMatch(/^The token exchange with 127\.0\.0\.1:\d+ failed: invalid_grant/);
  });

  it("answers a plain 400 page for an unknown or missing state", async () => {
    for (const query of ["?code=abc&state=unknown-state", "?code=abc", ""]) {
      const res = await openCallback(`${callbackPrefix}${query}`);
      expect(res.status).toBe(400);
      expect(res.headers.get("location")).toBeNull();
      expect(await res.text()).toContain("not valid");
    }
  });

  it("revokes the tokens at the provider on disconnect", async () => {
    const flow = await consented({ redirectUrl: `${APP_ORIGIN}/done` });
    redirected(await openCallback(flow.callback));
    const row = await prisma.connector.findUniqueOrThrow({ where: { id: flow.id } });
    const credentials = openJson<StoredCredentials>("Connector.credentialsEnc", row.id, row.credentialsEnc!);
    const revocations = auth.count("revocation");

    const data = ok(await gql.run(DisconnectConnector, { input: { id: flow.id } }));
    expect(data.disconnectConnector.__typename).toBe("DisconnectConnectorSuccess");
    expect(auth.seen.filter((s) => s.route === "revocation").slice(revocations).map((s) => [s.tokenTypeHint, s.status])).toEqual([
      ["refresh_token", 200],
      ["access_token", 200],
    ]);
    expect(await auth.provider.RefreshToken.find(credentials.refreshToken!)).toBeUndefined();
    expect(await auth.provider.AccessToken.find(credentials.accessToken)).toBeUndefined();
  });
});
