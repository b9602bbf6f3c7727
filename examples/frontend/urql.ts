// examples/frontend/urql.ts — npm i @urql/core graphql
import { cacheExchange, Client, fetchExchange, gql } from "@urql/core";

/** A urql client for Plugboard at `url`, sending the API key on every request. */
export function createUrqlClient(url: string, apiKey: string): Client {
  return new Client({
    url: `${url}/graphql`,
    exchanges: [cacheExchange, fetchExchange],
    fetchOptions: () => ({ headers: { authorization: `Bearer ${apiKey}` } }),
  });
}

export const ConnectorsNeedingAttention = gql`
  query ConnectorsNeedingAttention {
    connectors(first: 50, filter: { state: [AUTH_FAILED, TOKEN_EXPIRED, ERROR] }) {
      totalCount
      nodes { id name type state statusReason }
    }
  }
`;

export const DisconnectConnector = gql`
  mutation DisconnectConnector($id: ID!, $reason: String) {
    disconnectConnector(input: { id: $id, reason: $reason }) {
      __typename
      ... on DisconnectConnectorSuccess { connector { id state disconnectReason } }
      ... on Error { message }
    }
  }
`;

type Connector = { id: string; name: string; type: string; state: string; statusReason: string | null };

/** The connectors an admin should look at: `nodes` when the page needs no cursors. */
export async function connectorsNeedingAttention(client: Client): Promise<{ totalCount: number; nodes: Connector[] }> {
  const { data, error } = await client.query(ConnectorsNeedingAttention, {}).toPromise();
  if (error) throw error; // network failure or a GraphQL error (e.g. UNAUTHENTICATED)
  return data.connectors;
}

/** Disconnects a connector; an expected failure (NotFoundError, InvalidStateError, ...) is thrown with its message. */
export async function disconnectConnector(client: Client, id: string, reason?: string) {
  const { data, error } = await client.mutation(DisconnectConnector, { id, reason }).toPromise();
  if (error) throw error;
  const result = data.disconnectConnector;
  if (result.__typename !== "DisconnectConnectorSuccess") throw new Error(`${result.__typename}: ${result.message}`);
  return result.connector as { id: string; state: string; disconnectReason: string | null };
}
