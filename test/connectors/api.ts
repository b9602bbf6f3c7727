import { expect } from "vitest";
import { graphql } from "../gql/index.js";
import type { GraphQLClient } from "../helpers/graphql.js";
import { ok } from "../helpers/graphql.js";
import type { ConnectConnectorInput, CreateConnectorInput, UpdateConnectorInput } from "../gql/graphql.js";

/** The connector mutations as typed documents, and a small client over them for the tests. */

graphql(`
  fragment MutationError on Error {
    __typename
    message
    ... on ValidationError { fieldErrors { path message } }
    ... on InvalidStateError { state }
    ... on NotFoundError { id requestedId }
  }
`);

graphql(`
  fragment ConnectorFields on Connector {
    id type name url scope authType state statusReason disconnectReason
    isActive isConfigured isAuthenticated syncEnabled agentEnabled
    configuration metadata version lastSyncAt lastError createdAt updatedAt
    preset { slug }
    createdBy { id }
    tools { id name disabled pendingReview }
    authRequest { authorizationUrl }
  }
`);

export const CreateConnector = graphql(`
  mutation CreateConnector($input: CreateConnectorInput!) {
    createConnector(input: $input) {
      __typename
      ... on CreateConnectorSuccess { connector { ...ConnectorFields } }
      ...MutationError
    }
  }
`);
export const UpdateConnector = graphql(`
  mutation UpdateConnector($input: UpdateConnectorInput!) {
    updateConnector(input: $input) {
      __typename
      ... on UpdateConnectorSuccess { connector { ...ConnectorFields } }
      ...MutationError
    }
  }
`);
const DeleteConnector = graphql(`
  mutation DeleteConnector($input: DeleteConnectorInput!) {
    deleteConnector(input: $input) { __typename ... on DeleteConnectorSuccess { deletedId } ...MutationError }
  }
`);
export const ConnectConnector = graphql(`
  mutation ConnectConnector($input: ConnectConnectorInput!) {
    connectConnector(input: $input) {
      __typename
      ... on ConnectConnectorSuccess { connector { ...ConnectorFields } }
      ...MutationError
    }
  }
`);
export const DisconnectConnector = graphql(`
  mutation DisconnectConnector($input: DisconnectConnectorInput!) {
    disconnectConnector(input: $input) {
      __typename
      ... on DisconnectConnectorSuccess { connector { ...ConnectorFields } }
      ...MutationError
    }
  }
`);
const SetToolDisabled = graphql(`
  mutation SetToolDisabled($input: SetToolDisabledInput!) {
    setToolDisabled(input: $input) {
      __typename
      ... on SetToolDisabledSuccess { tool { id name disabled pendingReview } connector { ...ConnectorFields } }
      ...MutationError
    }
  }
`);
const RefreshConnectorTools = graphql(`
  mutation RefreshConnectorTools($id: ID!) {
    refreshConnectorTools(id: $id) {
      __typename
      ... on RefreshConnectorToolsSuccess { connector { ...ConnectorFields } }
      ...MutationError
    }
  }
`);
const CheckConnectorHealth = graphql(`
  mutation CheckConnectorHealth($id: ID!) {
    checkConnectorHealth(id: $id) {
      __typename
      ... on CheckConnectorHealthSuccess { connector { ...ConnectorFields } }
      ...MutationError
    }
  }
`);
const ConnectorHistory = graphql(`
  query ConnectorHistory($id: ID!) {
    connector(id: $id) {
      ...ConnectorFields
      events(first: 100) { totalCount edges { node { id kind previousState state version actor { id } } } }
    }
  }
`);

type Typed = { __typename?: string };

/** Narrows a result union to the member a test expects (failing with the whole value otherwise). */
export function member<T extends Typed, N extends NonNullable<T["__typename"]>>(value: T, typename: N): Extract<T, { __typename?: N }> {
  expect(value.__typename, JSON.stringify(value)).toBe(typename);
  return value as Extract<T, { __typename?: N }>;
}

/** The mutations as one call each, for tests that only need the result. */
export function connectors(client: GraphQLClient) {
  return {
    create: async (input: CreateConnectorInput) => ok(await client.run(CreateConnector, { input })).createConnector,
    /** a connector that must be created: its fields */
    created: async (input: CreateConnectorInput) =>
      member(ok(await client.run(CreateConnector, { input })).createConnector, "CreateConnectorSuccess").connector,
    update: async (input: UpdateConnectorInput) => ok(await client.run(UpdateConnector, { input })).updateConnector,
    connect: async (input: ConnectConnectorInput) => ok(await client.run(ConnectConnector, { input })).connectConnector,
    disconnect: async (id: string, reason?: string) => ok(await client.run(DisconnectConnector, { input: { id, reason } })).disconnectConnector,
    remove: async (id: string) => ok(await client.run(DeleteConnector, { input: { id } })).deleteConnector,
    setTool: async (connectorId: string, toolName: string, disabled: boolean) =>
      ok(await client.run(SetToolDisabled, { input: { connectorId, toolName, disabled } })).setToolDisabled,
    refresh: async (id: string) => ok(await client.run(RefreshConnectorTools, { id })).refreshConnectorTools,
    health: async (id: string) => ok(await client.run(CheckConnectorHealth, { id })).checkConnectorHealth,
    history: async (id: string) => ok(await client.run(ConnectorHistory, { id })).connector,
  };
}
