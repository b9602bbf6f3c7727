import { randomBytes } from "node:crypto";
import { afterAll, expect } from "vitest";
import { startMcpServer, type TestMcpServer } from "../servers/mcp-resource-server.js";
import { prisma } from "../helpers/database.js";
import { newId } from "../../src/db/ids.js";
import { graphql } from "../gql/index.js";
import type { GraphQLClient } from "../helpers/graphql.js";
import { ok } from "../helpers/graphql.js";
import type { TestAuthServer } from "../servers/auth-server.js";
import { consent, openCallback } from "./browser.js";

export const ConnectorFields = graphql(`
  fragment OAuthConnectorFields on Connector {
    id
    type
    authType
    state
    statusReason
    version
    isAuthenticated
    authRequest { authorizationUrl expiresAt }
  }
`);

export const CreateConnector = graphql(`
  mutation OAuthCreateConnector($input: CreateConnectorInput!) {
    createConnector(input: $input) {
      __typename
      ... on CreateConnectorSuccess { connector { ...OAuthConnectorFields } }
      ... on Error { message }
    }
  }
`);

export const ConnectConnector = graphql(`
  mutation OAuthConnectConnector($input: ConnectConnectorInput!) {
    connectConnector(input: $input) {
      __typename
      ... on ConnectConnectorSuccess { connector { ...OAuthConnectorFields } }
      ... on ValidationError { message fieldErrors { path message } }
      ... on UpstreamError { reason connectorAfter { state } }
      ... on Error { message }
    }
  }
`);

export const DisconnectConnector = graphql(`
  mutation OAuthDisconnectConnector($input: DisconnectConnectorInput!) {
    disconnectConnector(input: $input) {
      __typename
      ... on DisconnectConnectorSuccess { connector { ...OAuthConnectorFields } }
      ... on Error { message }
    }
  }
`);

const ConnectorQuery = graphql(`
  query OAuthConnector($id: ID!) {
    connector(id: $id) { ...OAuthConnectorFields }
  }
`);

const resourceServers = new WeakMap<TestAuthServer, Promise<TestMcpServer>>();

/** A real MCP server that accepts the access tokens `auth` issued and still knows (one per server). */
export function mcpServerFor(auth: TestAuthServer): Promise<TestMcpServer> {
  let server = resourceServers.get(auth);
  if (!server) {
    server = startMcpServer(auth.issuer, async (token) => (await auth.provider.AccessToken.find(token)) !== undefined);
    resourceServers.set(auth, server);
    afterAll(async () => (await server!).stop());
  }
  return server;
}

/** A preset whose OAuth endpoints are the test authorization server's, and its MCP server one that honours them. */
export async function presetFor(auth: TestAuthServer, slug = `idp-${randomBytes(3).toString("hex")}`, oauth?: object) {
  const mcp = await mcpServerFor(auth);
  await prisma.preset.create({
    data: {
      id: newId("pset"),
      slug,
      name: `Test IdP ${slug}`,
      mcpUrl: mcp.url,
      authType: "OAUTH",
      oauthScopes: ["mcp:tools", "offline_access"],
      oauth: oauth ?? {
        issuer: auth.issuer,
        authorizationUrl: `${auth.issuer}/auth`,
        tokenUrl: `${auth.issuer}/token`,
        revocationUrl: `${auth.issuer}/token/revocation`,
      },
    },
  });
  return slug;
}

export async function createConnector(
  client: GraphQLClient,
  input: { presetSlug?: string; url?: string; matchPreset?: boolean; clientId?: string; clientSecret?: string },
) {
  const data = ok(await client.run(CreateConnector, { input: { scope: "TEAM", ...input } }));
  if (data.createConnector.__typename !== "CreateConnectorSuccess") throw new Error(JSON.stringify(data.createConnector));
  return data.createConnector.connector;
}

/** connectConnector for the consent flow: AUTH_REQUIRED with an authorization URL. */
export async function startConsent(client: GraphQLClient, id: string, redirectUrl?: string) {
  const data = ok(await client.run(ConnectConnector, { input: { id, redirectUrl } }));
  if (data.connectConnector.__typename !== "ConnectConnectorSuccess") throw new Error(JSON.stringify(data.connectConnector));
  const c = data.connectConnector.connector;
  expect(c.state).toBe("AUTH_REQUIRED");
  return { connector: c, authorizationUrl: c.authRequest!.authorizationUrl };
}

export async function readConnector(client: GraphQLClient, id: string) {
  return ok(await client.run(ConnectorQuery, { id })).connector!;
}

/** A connector of the preset, CONNECTED through a real consent at the test authorization server. */
export async function connectedThroughConsent(client: GraphQLClient, presetSlug: string, callbackPrefix: string) {
  const created = await createConnector(client, { presetSlug });
  const { authorizationUrl } = await startConsent(client, created.id);
  expect((await openCallback(await consent(authorizationUrl, callbackPrefix))).status).toBe(200);
  const connector = await readConnector(client, created.id);
  expect(connector.state).toBe("CONNECTED");
  return connector;
}

/** A confidential client registered at the test authorization server for this server's callback. */
export function confidentialClient(client: { clientId: string; clientSecret: string }, callback: string) {
  return {
    client_id: client.clientId,
    client_secret: client.clientSecret,
    token_endpoint_auth_method: "client_secret_post",
    grant_types: ["authorization_code", "refresh_token"],
    redirect_uris: [callback],
  };
}
