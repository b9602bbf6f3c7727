import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { newId } from "../../src/db/ids.js";
import { UNREACHABLE } from "../../src/egress/errors.js";
import { refreshConnectorToken } from "../../src/oauth/refresh.js";
import type { OAuthServer, StoredCredentials } from "../../src/oauth/types.js";
import { silentUrl } from "../connectors/http-servers.js";
import { graphql } from "../gql/index.js";
import { prisma } from "../helpers/database.js";
import { connector as connectorRow, pendingAuthorization, team } from "../helpers/fixtures.js";
import { type GraphQLClient, ok } from "../helpers/graphql.js";
import { sealJson, startServer } from "../helpers/server.js";
import { startAuthServer } from "../servers/auth-server.js";
import { startMcpServer } from "../servers/mcp-resource-server.js";
import { consent, openCallback } from "./browser.js";
import { confidentialClient, createConnector, DisconnectConnector, presetFor, readConnector, startConsent } from "./flow.js";

const Connect = graphql(`
  mutation EgressConnectConnector($input: ConnectConnectorInput!) {
    connectConnector(input: $input) {
      __typename
      ... on ConnectConnectorSuccess { connector { id state } }
      ... on UpstreamError { message reason left: connectorAfter { id state lastError } }
      ... on Error { message }
    }
  }
`);

/** connectConnector, expected to answer UpstreamError. */
async function connectFails(gql: GraphQLClient, id: string) {
  const data = ok(await gql.run(Connect, { input: { id } })).connectConnector;
  if (data.__typename !== "UpstreamError") throw new Error(`expected an UpstreamError: ${JSON.stringify(data)}`);
  return data;
}

// what a message must never carry: the address or port that was tried
const ADDRESS = /127\.0\.0\.1|::1|\[|localhost|:\d{2,5}/;
const sentence = UNREACHABLE.charAt(0).toUpperCase() + UNREACHABLE.slice(1);

/**
 * An authorization server on ::1 that only publishes its metadata (no registration): its requests
 * are counted, to show which of them the egress let through.
 */
async function metadataServerOnIpv6() {
  const requests: string[] = [];
  const http = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    if (req.url !== "/.well-known/oauth-authorization-server") return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({ issuer, authorization_endpoint: `${issuer}/auth`, token_endpoint: `${issuer}/token`, code_challenge_methods_supported: ["S256"] }),
    );
  });
  await new Promise<void>((resolve) => http.listen(0, "::1", resolve));
  const issuer = `http://[::1]:${(http.address() as AddressInfo).port}`;
  const stop = () => new Promise<void>((resolve) => {
    http.close(() => resolve());
    http.closeAllConnections();
  });
  return { issuer, requests, stop };
}

/** A port on ::1 where nothing listens. */
async function closedIpv6Port(): Promise<number> {
  const http = createServer();
  await new Promise<void>((resolve) => http.listen(0, "::1", resolve));
  const { port } = http.address() as AddressInfo;
  await new Promise<void>((resolve) => http.close(() => resolve()));
  return port;
}

const CLIENT = { clientId: "plugboard-egress", clientSecret: "egress-test-secret-5e4d3c2b1a09" };
const SLUG = "egress-idp";

// one describe: the test database closes after the block that started the first server
describe("OAuth through the egress policy", async () => {
  const app = (egressAllowlist?: string) => ({
    refresh: { enabled: false },
    config: { oauthClients: { [SLUG]: CLIENT }, upstream: egressAllowlist === undefined ? {} : { egressAllowlist } },
  });
  const strict = await startServer({ app: app("") });
  const v4Only = await startServer({ app: app("127.0.0.1") });
  const loopback = await startServer({ app: app() }); // 127.0.0.1 and ::1, as in every other test
  const callbackPrefix = `${strict.url}/oauth/callback`;

  const auth = await startAuthServer({ clients: [confidentialClient(CLIENT, callbackPrefix)] });
  await presetFor(auth, SLUG);
  const mcp = await startMcpServer(auth.issuer);
  const v6 = await metadataServerOnIpv6();
  // OAuth-protected MCP servers on 127.0.0.1 whose resource metadata names an authorization server on ::1
  const namingV6 = await startMcpServer(v6.issuer);
  const namingClosedV6 = await startMcpServer(`http://[::1]:${await closedIpv6Port()}`);
  afterAll(() => Promise.all([auth.stop(), mcp.stop(), v6.stop(), namingV6.stop(), namingClosedV6.stop()]));

  const { alice, organizationId } = await team();
  const [strictGql, v4OnlyGql, loopbackGql] = [strict, v4Only, loopback].map((s) => s.as(alice.key));

  it("with the allowlist empty, reaches neither a loopback MCP server nor its authorization server, and says only that it could not", async () => {
    const authRequests = auth.seen.length;
    const created = await createConnector(strictGql, { url: mcp.url });
    const refused = await connectFails(strictGql, created.id);
    expect(refused).toMatchObject({ message: sentence, reason: "UNREACHABLE", left: { id: created.id, state: "ERROR", lastError: sentence } });
    expect(refused.message).not.toMatch(ADDRESS);
    expect(mcp.requests).toEqual([]);
    expect(auth.seen.length).toBe(authRequests);

    // a closed port answers the same, refused by policy or allowed and refused by the host
    const closedUrl = `${await silentUrl()}/mcp`;
    for (const gql of [strictGql, loopbackGql]) {
      const closed = await connectFails(gql, (await createConnector(gql, { url: closedUrl })).id);
      expect([closed.message, closed.reason, closed.left?.state]).toEqual([refused.message, refused.reason, "ERROR"]);
    }
  });

  it("with the allowlist empty, OAuth discovery for a preset's connector does not reach its MCP server", async () => {
    const slug = `egress-${newId("pset").slice(-6).toLowerCase()}`;
    await prisma.preset.create({ data: { id: newId("pset"), slug, name: "Behind the egress", mcpUrl: mcp.url, authType: "OAUTH", oauthScopes: [] } });
    const created = await createConnector(strictGql, { presetSlug: slug });
    const refused = await connectFails(strictGql, created.id);
    expect(refused.reason).toBe("UNREACHABLE");
    expect(refused.message).toMatch(new RegExp(`^No OAuth client is configured for ${slug} .*: Could not read the authorization server's metadata: ${UNREACHABLE}$`));
    expect(refused.message.replace(slug, "")).not.toMatch(ADDRESS);
    expect(mcp.requests).toEqual([]);
    expect(await readConnector(strictGql, created.id)).toMatchObject({ state: "CREATED", version: created.version });
  });

  it("does not ask an authorization server the allowlist leaves out, though the MCP server naming it is allowed", async () => {
    const created = await createConnector(v4OnlyGql, { url: namingV6.url });
    const refused = await connectFails(v4OnlyGql, created.id);
    expect(refused).toMatchObject({ message: `Could not read the authorization server's metadata: ${UNREACHABLE}`, reason: "UNREACHABLE" });
    expect(refused.message).not.toMatch(ADDRESS);
    // the MCP server was asked, and its resource metadata read; the server it named never was
    expect(namingV6.requests).toContain("GET /.well-known/oauth-protected-resource/mcp");
    expect(v6.requests).toEqual([]);
    expect(await readConnector(v4OnlyGql, created.id)).toMatchObject({ state: "CREATED", version: created.version });

    // named at a closed port instead, the answer is the very same
    const closed = await connectFails(v4OnlyGql, (await createConnector(v4OnlyGql, { url: namingClosedV6.url })).id);
    expect([closed.message, closed.reason]).toEqual([refused.message, refused.reason]);
    expect(namingClosedV6.requests).toContain("GET /.well-known/oauth-protected-resource/mcp");
  });

  it("reads that authorization server's metadata once ::1 is allowlisted (the refusal above is the policy's)", async () => {
    const asked = v6.requests.length;
    const created = await createConnector(loopbackGql, { url: namingV6.url });
    const answer = await connectFails(loopbackGql, created.id);
    // past discovery: it stops at the registration the metadata does not offer
    expect(answer.message).toBe(
      `No OAuth client is configured for this connector and ${v6.issuer} offers no dynamic client registration: create the connector with a clientId (and clientSecret)`,
    );
    expect(v6.requests.slice(asked)).toEqual(["GET /.well-known/oauth-authorization-server"]);
  });

  /** A CONNECTED connector holding tokens from `auth` (made up: the provider does not know them). */
  async function holdingTokens() {
    const c = await connectorRow(organizationId, { presetSlug: SLUG, state: "CONNECTED" });
    const server: OAuthServer = {
      source: "preset",
      issuer: auth.issuer,
      authorizationEndpoint: `${auth.issuer}/auth`,
      tokenEndpoint: `${auth.issuer}/token`,
      revocationEndpoint: `${auth.issuer}/token/revocation`,
      clientId: CLIENT.clientId,
      clientSecretFrom: "environment",
      tokenEndpointAuthMethod: "client_secret_post",
      scopes: [],
      resource: null,
      redirectUri: callbackPrefix,
      presetSlug: SLUG,
      extraParams: {},
    };
    const authorization = await pendingAuthorization(c, `${auth.issuer}/auth?x=1`);
    await prisma.oAuthAuthorization.update({ where: { id: authorization.id }, data: { usedAt: new Date(), server: server as object } });
    const credentials: StoredCredentials = { accessToken: `access-${c.id}`, refreshToken: `refresh-${c.id}` };
    return prisma.connector.update({
      where: { id: c.id },
      data: { credentialType: "OAUTH2", credentialsEnc: sealJson("Connector.credentialsEnc", c.id, credentials), tokenExpiresAt: new Date(Date.now() + 60_000) },
    });
  }

  it("exchanges no code with a token endpoint the allowlist leaves out, and fails the flow with the one message", async () => {
    const created = await createConnector(strictGql, { presetSlug: SLUG });
    const { authorizationUrl } = await startConsent(strictGql, created.id); // preset endpoints: nothing fetched yet
    const tokenRequests = auth.count("token");
    await openCallback(await consent(authorizationUrl, callbackPrefix));
    expect(await readConnector(strictGql, created.id)).toMatchObject({ state: "AUTH_FAILED", statusReason: `The token exchange failed: ${UNREACHABLE}` });
    expect(auth.count("token")).toBe(tokenRequests);
  });

  it("refreshes and revokes nothing at a provider the allowlist leaves out", async () => {
    const c = await holdingTokens();
    const tokenRequests = auth.count("token", "refresh_token");
    expect(await refreshConnectorToken(strict.app.services, c)).toEqual({ kind: "failed", code: "unreachable" });
    expect(auth.count("token", "refresh_token")).toBe(tokenRequests);

    const revocations = auth.count("revocation");
    const data = ok(await strictGql.run(DisconnectConnector, { input: { id: c.id } })).disconnectConnector;
    expect(data).toMatchObject({ __typename: "DisconnectConnectorSuccess", connector: { state: "DISCONNECTED" } });
    expect(auth.count("revocation")).toBe(revocations);
    const failed = strict.logs.filter((line) => line.includes("token revocation failed") && line.includes(c.id));
    expect(failed.map((line) => (JSON.parse(line) as { error: string }).error)).toEqual(["unreachable", "unreachable"]);
  });

  it("refreshes and revokes at that provider once loopback is allowlisted (the refusal above is the policy's)", async () => {
    const c = await holdingTokens();
    const tokenRequests = auth.count("token", "refresh_token");
    // the provider never issued this refresh token: it is asked, and refuses it
    expect(await refreshConnectorToken(loopback.app.services, c)).toMatchObject({ kind: "refused" });
    expect(auth.count("token", "refresh_token")).toBe(tokenRequests + 1);

    const revocations = auth.count("revocation");
    const data = ok(await loopbackGql.run(DisconnectConnector, { input: { id: c.id } })).disconnectConnector;
    expect(data.__typename).toBe("DisconnectConnectorSuccess");
    expect(auth.count("revocation")).toBe(revocations + 2);
  });
});
