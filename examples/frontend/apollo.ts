// examples/frontend/apollo.ts — npm i @apollo/client graphql rxjs; possible-types.json from this repository
import { ApolloClient, gql, HttpLink, InMemoryCache } from "@apollo/client";
import generated from "../../possible-types.json" with { type: "json" };

/**
 * An Apollo client for Plugboard at `url`. The cache needs possibleTypes: without it, it cannot tell
 * that a NotFoundError is an Error, and drops the `message` of `... on Error { message }`.
 */
export function createApolloClient(url: string, apiKey: string) {
  return new ApolloClient({
    link: new HttpLink({ uri: `${url}/graphql`, headers: { authorization: `Bearer ${apiKey}` } }),
    cache: new InMemoryCache({ possibleTypes: generated.possibleTypes }),
  });
}

export const RenameConnector = gql`
  mutation RenameConnector($id: ID!, $name: String!) {
    updateConnector(input: { id: $id, name: $name }) {
      __typename
      ... on UpdateConnectorSuccess { connector { id name version } }
      ... on Error { message }
    }
  }
`;

type Result =
  | { __typename: "UpdateConnectorSuccess"; connector: { id: string; name: string; version: number } }
  | { __typename: "ValidationError" | "NotFoundError" | "ForbiddenError"; message: string };

/** Renames a connector; the cache's Connector:<id> is updated, so every query showing it re-renders. */
export async function renameConnector(client: ApolloClient, id: string, name: string) {
  const { data } = await client.mutate<{ updateConnector: Result }>({ mutation: RenameConnector, variables: { id, name } });
  const result = data!.updateConnector;
  if (result.__typename !== "UpdateConnectorSuccess") throw new Error(`${result.__typename}: ${result.message}`);
  return result.connector;
}
