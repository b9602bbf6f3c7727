// examples/frontend/relay.ts — npm i relay-runtime (and react-relay, relay-compiler, babel-plugin-relay in an app)
import { Environment, type FetchFunction, fetchQuery, type GraphQLTaggedNode, Network, RecordSource, Store } from "relay-runtime";

/** A Relay environment for Plugboard at `url`, sending the API key on every request. */
export function createRelayEnvironment(url: string, apiKey: string): Environment {
  const fetchGraphQL: FetchFunction = async (request, variables) => {
    const response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ query: request.text, variables }),
    });
    if (response.status === 401) throw new Error("Plugboard refused the API key");
    return response.json();
  };
  return new Environment({ network: Network.create(fetchGraphQL), store: new Store(new RecordSource()) });
}

/**
 * The catalog page's query. In an app it is written `graphql\`query CatalogQuery …\`` and
 * relay-compiler (relay.config.json: { "src": "./src", "schema": "./schema.graphql", "language":
 * "typescript" }) turns it into the artifact `__generated__/CatalogQuery.graphql.ts`.
 */
export const CATALOG_QUERY = /* GraphQL */ `
  query CatalogQuery {
    connectorsWithStatus { id slug name server { id status connector { id name state } } }
  }
`;

/** The catalog with this workspace's installs, fetched into Relay's store and read back from it. */
export async function fetchCatalog(environment: Environment, CatalogQuery: GraphQLTaggedNode) {
  type Entry = { id: string; slug: string; name: string; server: { id: string; status: string | null; connector: { id: string; name: string; state: string } } | null };
  const data = await fetchQuery<{ response: { connectorsWithStatus: Entry[] }; variables: {} }>(environment, CatalogQuery, {}).toPromise();
  return data!.connectorsWithStatus;
}
