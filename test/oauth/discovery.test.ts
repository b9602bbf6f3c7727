import { afterAll, describe, expect, it } from "vitest";
import { openSecret } from "../../src/crypto/secrets.js";
import { prisma } from "../../src/db/client.js";
import { newId } from "../../src/db/ids.js";
import { beginAuthorization } from "../../src/oauth/begin.js";
import { connector as connectorRow, team } from "../helpers/fixtures.js";
import { ok } from "../helpers/graphql.js";
import { startServer } from "../helpers/server.js";
import { startAuthServer } from "../servers/auth-server.js";
import { startMcpServer } from "../servers/mcp-resource-server.js";
import { consent, openCallback } from "./browser.js";
import { createConnector, DisconnectConnector, readConnector, startConsent } from "./flow.js";

describe("OAuth discovered from the MCP server, with dynamic client registration", async () => {
  const server = await startServer({ app: { refresh: { enabled: false } } });
  const callbackPrefix = `${server.url}/oauth/callback`;
  const auth = await startAuthServer();
  const mcp = await startMcpServer(auth.issuer);
  afterAll(() => Promise.all([auth.stop(), mcp.stop()]));
  const { alice } = await team();
  const gql = server.as(alice.key);

  // a catalog entry without OAuth endpoints: its MCP server says where to authorize
  const slug = "discovered-mcp";
  await prisma.preset.create({
    data: { id: newId("pset"), slug, name: "Discovered", mcpUrl: mcp.url, authType: "OAUTH", oauthScopes: [], oauth: undefined },
  });

  it("discovers the authorization server, registers a client, and connects with the resource indicator", async () => {
    const created = await createConnector(gql, { presetSlug: slug });
    const { authorizationUrl } = await startConsent(gql, created.id);
    const url = new URL(authorizationUrl);
    expect(url.origin + url.pathname).toBe(`${auth.issuer}/auth`);
    expect(url.searchParams.get("resource")).toBe(mcp.url);
    expect(url.searchParams.get("scope")).toBe("mcp:tools offline_access");
    expect(auth.count("registration")).toBe(1);
    // the 401 challenge named the resource metadata (RFC 9728 via WWW-Authenticate)
    expect(mcp.requests).toEqual(["POST /mcp", "GET /.well-known/oauth-protected-resource/mcp"]);

    // the registered client is kept on the connector, its secret sealed
    const row = await prisma.connector.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.clientId).toBe(url.searchParams.get("client_id"));
    expect(openSecret("Connector.clientSecretEnc", row.id, row.clientSecretEnc!)).toBeTruthy();

    const res = await openCallback(await consent(authorizationUrl, callbackPrefix));
    expect(res.status).toBe(200);
    expect(await readConnector(gql, created.id)).toMatchObject({ state: "CONNECTED", statusReason: null });
    expect(auth.seen.filter((s) => s.route === "token").at(-1)).toMatchObject({
      status: 200,
      grantType: "authorization_code",
      resource: mcp.url,
      hasCodeVerifier: true,
    });

    // connecting again reuses the registered client
    expect(ok(await gql.run(DisconnectConnector, { input: { id: created.id } })).disconnectConnector.__typename).toBe(
      "DisconnectConnectorSuccess",
    );
    const again = await startConsent(gql, created.id);
    expect(new URL(again.authorizationUrl).searchParams.get("client_id")).toBe(row.clientId);
    expect(auth.count("registration")).toBe(1);
  });

  it("does the same for a custom MCP connector (no preset) that uses OAuth", async () => {
    const { organizationId } = await team();
    const custom = await connectorRow(organizationId, { presetSlug: null });
    // the connector as a custom server that needs OAuth is stored (authType decided upstream)
    const c = await prisma.connector.update({ where: { id: custom.id }, data: { url: mcp.url, authType: "OAUTH" } });
    const waiting = await beginAuthorization({
      connector: c,
      redirectUrl: null,
      actorId: null,
      pubsub: server.app.pubsub,
      config: { allowedRedirectOrigins: [] },
      origin: server.url,
    });
    expect(waiting.state).toBe("AUTH_REQUIRED");
    const pending = await prisma.oAuthAuthorization.findFirstOrThrow({ where: { connectorId: c.id } });
    expect(new URL(pending.authorizationUrl).searchParams.get("resource")).toBe(mcp.url);

    expect((await openCallback(await consent(pending.authorizationUrl, callbackPrefix))).status).toBe(200);
    const after = await prisma.connector.findUniqueOrThrow({ where: { id: c.id } });
    expect(after).toMatchObject({ state: "CONNECTED", version: waiting.version + 1, credentialType: "OAUTH2" });
  });

  it("reports an MCP server that offers no OAuth metadata as an UpstreamError", async () => {
    const { organizationId } = await team();
    const c = await connectorRow(organizationId, { presetSlug: null });
    const dead = await prisma.connector.update({ where: { id: c.id }, data: { url: `${server.url}/no-mcp-here`, authType: "OAUTH" } });
    await expect(
      beginAuthorization({
        connector: dead,
        redirectUrl: null,
        actorId: null,
        pubsub: server.app.pubsub,
        config: { allowedRedirectOrigins: [] },
        origin: server.url,
      }),
    ).rejects.toMatchObject({ name: "UpstreamError" });
    expect((await prisma.connector.findUniqueOrThrow({ where: { id: c.id } })).state).toBe("CREATED");
  });
});
