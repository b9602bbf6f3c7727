import { graphql } from "../gql/index.js";

export const CreateWebhook = graphql(`
  mutation CreateWebhook($input: CreateWebhookInput!) {
    createWebhook(input: $input) {
      __typename
      ... on CreateWebhookSuccess {
        secret
        webhook { id url document variables description enabled }
      }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`);

export const UpdateWebhook = graphql(`
  mutation UpdateWebhook($input: UpdateWebhookInput!) {
    updateWebhook(input: $input) {
      __typename
      ... on UpdateWebhookSuccess { webhook { id url document enabled description } }
      ... on Error { message }
    }
  }
`);

export const DeleteWebhook = graphql(`
  mutation DeleteWebhook($input: DeleteWebhookInput!) {
    deleteWebhook(input: $input) {
      __typename
      ... on DeleteWebhookSuccess { deletedId }
      ... on Error { message }
    }
  }
`);

export const RotateWebhookSecret = graphql(`
  mutation RotateWebhookSecret($input: RotateWebhookSecretInput!) {
    rotateWebhookSecret(input: $input) {
      __typename
      ... on RotateWebhookSecretSuccess { secret webhook { id } }
      ... on Error { message }
    }
  }
`);

export const SendTestWebhookEvent = graphql(`
  mutation SendTestWebhookEvent($input: SendTestWebhookEventInput!) {
    sendTestWebhookEvent(input: $input) {
      __typename
      ... on SendTestWebhookEventSuccess { delivery { id test status } }
      ... on Error { message }
    }
  }
`);

export const Webhooks = graphql(`
  query Webhooks($first: Int, $after: String) {
    webhooks(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id url description enabled }
    }
  }
`);

export const Deliveries = graphql(`
  query WebhookDeliveries($id: ID!, $first: Int, $after: String, $status: [WebhookDeliveryStatus!]) {
    node(id: $id) {
      ... on Webhook {
        deliveries(first: $first, after: $after, filter: { status: $status }) {
          totalCount
          pageInfo { hasNextPage endCursor }
          nodes {
            id
            eventId
            connectorId
            test
            status
            attempts
            lastStatusCode
            lastError
            nextAttemptAt
            deliveredAt
            createdAt
            attemptHistory { statusCode error }
            webhook { id }
          }
        }
      }
    }
  }
`);

export const UpdateConnectorName = graphql(`
  mutation WebhookRename($input: UpdateConnectorInput!) {
    updateConnector(input: $input) {
      __typename
      ... on Error { message }
    }
  }
`);
