import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { openSecret } from "../helpers/server.js";
import { prisma } from "../helpers/database.js";
import { newId } from "../../src/db/ids.js";
import { beginAuthorization } from "../../src/oauth/begin.js";
import { answeringServer, silentUrl } from "../connectors/http-servers.js";
import { connector as connectorRow, team } from "../helpers/fixtures.js";
import { ok } from "../helpers/graphql.js";
import { startServer } from "../helpers/server.js";
import { startAuthServer } from "../servers/auth-server.js";
import { startMcpServer } from "../servers/mcp-resource-server.js";
import { startMcp, tool } from "../servers/mcp-servers.js";
import { consent, openCallback } from "./browser.js";
import { ConnectConnector, createConnector, DisconnectConnector, readConnector, startConsent } from "./flow.js";

describe("OAuth discovered from the MCP server, with dynamic client registration", async () => {
  const server = await startServer({ app: { refresh: { enabled: false } } });
  const callbackPrefix = `${server.url}/oauth/callback`;
  const auth = await startAuthServer();
  // a real MCP server that accepts the access tokens this authorization server issued
  const issued = async (token: string) => (await auth.provider.AccessToken.find(token)) !== undefined;
  const mcp = await startMcpServer(auth.issuer, issued);
  // another MCP server of the same authorization server, which no preset names: a custom connector's
  const customMcp = await startMcpServer(auth.issuer, issued);
  afterAll(() => Promise.all([auth.stop(), mcp.stop(), customMcp.stop()]));
  const failing = await answeringServer(503); // a custom MCP server that fails
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

  it("starts OAuth for a custom MCP connector whose server answers 401, and makes it OAUTH", async () => {
    const created = await createConnector(gql, { url: customMcp.url });
    expect(created).toMatchObject({ type: "mcp", authType: "NONE", state: "CREATED" });
    const registrations = auth.count("registration");

    const { connector: waiting, authorizationUrl } = await startConsent(gql, created.id);
    expect(waiting).toMatchObject({ authType: "OAUTH", version: created.version + 1 });
    const url = new URL(authorizationUrl);
    expect(url.origin + url.pathname).toBe(`${auth.issuer}/auth`);
    expect(url.searchParams.get("resource")).toBe(customMcp.url);
    expect(auth.count("registration")).toBe(registrations + 1);
    // the probe's 401, then discovery's own: its challenge names the resource metadata
    expect(customMcp.requests).toEqual(["POST /mcp", "POST /mcp", "GET /.well-known/oauth-protected-resource/mcp"]);

    expect((await openCallback(await consent(authorizationUrl, callbackPrefix))).status).toBe(200);
    expect(await readConnector(gql, created.id)).toMatchObject({
      state: "CONNECTED",
      authType: "OAUTH",
      isAuthenticated: true,
      statusReason: null,
      version: waiting.version + 1,
    });
    expect(await prisma.connector.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ credentialType: "OAUTH2" });

    // CONNECTED: refused before the server is asked anything
    const asked = customMcp.requests.length;
    const refused = ok(await gql.run(ConnectConnector, { input: { id: created.id } })).connectConnector;
    expect(refused.__typename).toBe("InvalidStateError");
    expect(customMcp.requests.length).toBe(asked);

    // reconnecting asks again and reuses the registered client
    expect(ok(await gql.run(DisconnectConnector, { input: { id: created.id } })).disconnectConnector.__typename).toBe(
      "DisconnectConnectorSuccess",
    );
    const again = await startConsent(gql, created.id);
    expect(new URL(again.authorizationUrl).searchParams.get("client_id")).toBe(url.searchParams.get("client_id"));
    expect(auth.count("registration")).toBe(registrations + 1);
  });

  it("connects a custom MCP connector whose server lets it in without credentials as NONE, with its tools", async () => {
    const open = await startMcp({ tools: [tool("lookup")] });
    try {
      const created = await createConnector(gql, { url: open.url });
      expect(created).toMatchObject({ type: "mcp", authType: "NONE" });
      const data = ok(await gql.run(ConnectConnector, { input: { id: created.id } })).connectConnector;
      if (data.__typename !== "ConnectConnectorSuccess") throw new Error(JSON.stringify(data));
      expect(data.connector).toMatchObject({ state: "CONNECTED", authType: "NONE", authRequest: null, version: created.version + 1 });
      expect(open.seen.filter((r) => r.rpc).map((r) => r.rpc)).toEqual(["initialize", "notifications/initialized", "tools/list"]);
      expect(open.seen.every((r) => r.authorization === undefined)).toBe(true);
      expect(await prisma.oAuthAuthorization.count({ where: { connectorId: created.id } })).toBe(0);
    } finally {
      await open.stop();
    }
  });

  it.each([
    ["no server answers", async () => ({ url: `${await silentUrl()}/mcp`, message: "The server could not be reached", reason: "UNREACHABLE" })],
    ["the server fails", async () => ({ url: `${failing}/mcp`, message: "The server failed (HTTP 503)", reason: "PROTOCOL" })],
  ])("answers UpstreamError when %s at a custom MCP connector's URL, and leaves it in ERROR with the reason", async (_label, target) => {
    const { url, message, reason } = await target();
    const created = await createConnector(gql, { url });
    const data = ok(await gql.run(ConnectConnector, { input: { id: created.id } })).connectConnector;
    expect(data).toMatchObject({ __typename: "UpstreamError", message, reason, connectorAfter: { state: "ERROR" } });
    expect(await readConnector(gql, created.id)).toMatchObject({ state: "ERROR", statusReason: message, authType: "NONE", authRequest: null });
    expect(await prisma.oAuthAuthorization.count({ where: { connectorId: created.id } })).toBe(0);
  });

  it("reports an MCP server that offers no OAuth metadata as an UpstreamError", async () => {
    const { organizationId } = await team();
    const c = await connectorRow(organizationId, { presetSlug: null });
    const dead = await prisma.connector.update({ where: { id: c.id }, data: { url: `${server.url}/no-mcp-here`, authType: "OAUTH" } });
    await expect(
      beginAuthorization(server.app.services, { connector: dead, redirectUrl: null, viewer: null, origin: server.url }),
    ).rejects.toMatchObject({ name: "UpstreamError" });
    expect((await prisma.connector.findUniqueOrThrow({ where: { id: c.id } })).state).toBe("CREATED");
  });
});
