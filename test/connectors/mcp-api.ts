import { graphql } from "../gql/index.js";
import type { ConnectConnectorInput, CreateConnectorInput } from "../gql/graphql.js";
import type { GraphQLClient } from "../helpers/graphql.js";
import { ok } from "../helpers/graphql.js";
import { openJson } from "../helpers/server.js";
import { prisma } from "../helpers/database.js";
import { member } from "./api.js";

/**
 * The documents of the tests that talk to real MCP servers: every tool field discovery sets, the
 * UpstreamError a failed attempt answers with (`left`: the connector as the attempt left it, aliased
 * because the success members' connector is non-null), and the events
 * with their toolChanges.
 */

graphql(`
  fragment McpConnectorFields on Connector {
    id state statusReason lastError isAuthenticated authType version lastSyncAt updatedAt
    tools { id name label description type requiresConfirmation disabled pendingReview inputSchema }
  }
`);

graphql(`
  fragment McpMutationError on Error {
    __typename
    message
    ... on UpstreamError { reason left: connectorAfter { ...McpConnectorFields } }
    ... on InvalidStateError { state }
    ... on ValidationError { fieldErrors { path message } }
  }
`);

const Create = graphql(`
  mutation McpCreateConnector($input: CreateConnectorInput!) {
    createConnector(input: $input) {
      __typename
      ... on CreateConnectorSuccess { connector { ...McpConnectorFields } }
      ...McpMutationError
    }
  }
`);
const Connect = graphql(`
  mutation McpConnectConnector($input: ConnectConnectorInput!) {
    connectConnector(input: $input) {
      __typename
      ... on ConnectConnectorSuccess { connector { ...McpConnectorFields } }
      ...McpMutationError
    }
  }
`);
const Refresh = graphql(`
  mutation McpRefreshConnectorTools($id: ID!) {
    refreshConnectorTools(id: $id) {
      __typename
      ... on RefreshConnectorToolsSuccess { connector { ...McpConnectorFields } }
      ...McpMutationError
    }
  }
`);
const Health = graphql(`
  mutation McpCheckConnectorHealth($id: ID!) {
    checkConnectorHealth(id: $id) {
      __typename
      ... on CheckConnectorHealthSuccess { connector { ...McpConnectorFields } }
      ...McpMutationError
    }
  }
`);
const SetTool = graphql(`
  mutation McpSetToolDisabled($input: SetToolDisabledInput!) {
    setToolDisabled(input: $input) {
      __typename
      ... on SetToolDisabledSuccess { tool { name disabled pendingReview } connector { ...McpConnectorFields } }
      ...McpMutationError
    }
  }
`);
const Read = graphql(`
  query McpConnector($id: ID!) {
    connector(id: $id) {
      ...McpConnectorFields
      events(first: 100) {
        totalCount
        edges { node { kind previousState state version actor { id } toolChanges { added removed changed held } } }
      }
    }
  }
`);

/** The mutations and the read, as one call each. */
export function mcpApi(client: GraphQLClient) {
  const api = {
    create: async (input: CreateConnectorInput) => member(ok(await client.run(Create, { input })).createConnector, "CreateConnectorSuccess").connector,
    connect: async (input: ConnectConnectorInput) => ok(await client.run(Connect, { input })).connectConnector,
    /** a connect that must succeed: the connector */
    connected: async (input: ConnectConnectorInput) => member(await api.connect(input), "ConnectConnectorSuccess").connector,
    /** a connect that must fail upstream: the UpstreamError */
    refused: async (input: ConnectConnectorInput) => member(await api.connect(input), "UpstreamError"),
    refresh: async (id: string) => ok(await client.run(Refresh, { id })).refreshConnectorTools,
    health: async (id: string) => ok(await client.run(Health, { id })).checkConnectorHealth,
    setTool: async (connectorId: string, toolName: string, disabled: boolean) =>
      ok(await client.run(SetTool, { input: { connectorId, toolName, disabled } })).setToolDisabled,
    read: async (id: string) => ok(await client.run(Read, { id })).connector!,
    /** the audit trail, oldest first */
    events: async (id: string) => (await api.read(id)).events.edges.map((e) => e.node).reverse(),
  };
  return api;
}

/** The connector's row, and its credentials opened (null when none are stored). */
export async function storedRow(id: string) {
  const row = await prisma.connector.findUniqueOrThrow({ where: { id } });
  return { row, secret: row.credentialsEnc ? openJson<Record<string, string>>("Connector.credentialsEnc", id, row.credentialsEnc) : null };
}

/** name → [disabled, pendingReview], for the drift assertions */
export const toolFlags = (tools: readonly { name: string; disabled: boolean; pendingReview: boolean }[]) =>
  Object.fromEntries(tools.map((t) => [t.name, [t.disabled, t.pendingReview]]));
