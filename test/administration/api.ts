import { graphql } from "../gql/index.js";

/** The administration operations the tests run, as a dashboard would write them. */

export const CreateApiKey = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      __typename
      ... on CreateApiKeySuccess { key apiKey { id name role prefix createdAt revokedAt user { id email } } }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);

export const RevokeApiKey = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(input: { id: $id }) {
      __typename
      ... on RevokeApiKeySuccess { apiKey { id revokedAt } }
      ... on Error { message }
    }
  }
`);

export const CreateUser = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      __typename
      ... on CreateUserSuccess { user { id email name role deactivatedAt } }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);

export const UpdateUserRole = graphql(`
  mutation UpdateUserRole($id: ID!, $role: Role!) {
    updateUserRole(input: { id: $id, role: $role }) {
      __typename
      ... on UpdateUserRoleSuccess { user { id role } }
      ... on Error { message }
    }
  }
`);

export const DeactivateUser = graphql(`
  mutation DeactivateUser($id: ID!) {
    deactivateUser(input: { id: $id }) {
      __typename
      ... on DeactivateUserSuccess { user { id deactivatedAt } }
      ... on Error { message }
    }
  }
`);

export const ReactivateUser = graphql(`
  mutation ReactivateUser($id: ID!) {
    reactivateUser(input: { id: $id }) {
      __typename
      ... on ReactivateUserSuccess { user { id deactivatedAt } }
      ... on Error { message }
    }
  }
`);

export const ApiKeys = graphql(`
  query ApiKeys($first: Int, $after: String, $filter: ApiKeyFilter) {
    apiKeys(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id name role prefix revokedAt user { id } }
    }
  }
`);

export const Users = graphql(`
  query Users($first: Int, $after: String, $filter: UserFilter) {
    users(first: $first, after: $after, filter: $filter) {
      totalCount
      nodes { id email role deactivatedAt }
    }
  }
`);

export const AuditEvents = graphql(`
  query AuditEvents($first: Int, $after: String) {
    auditEvents(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id action targetType targetId details createdAt actorApiKey { id } actorUser { id } }
    }
  }
`);

export const AdminNodes = graphql(`
  query AdminNodes($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      id
      ... on ApiKey { prefix role }
      ... on User { email }
      ... on AuditEvent { action }
    }
  }
`);

export const Me = graphql(`
  query AdministrationMe { viewer { role user { id } organization { id } } }
`);
