import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ApolloClient, HttpLink, InMemoryCache } from "@apollo/client";
import { plugin } from "@graphql-codegen/fragment-matcher";
import { describe, expect, it } from "vitest";
import codegen from "../../codegen.js";
import { newId } from "../../src/db/ids.js";
import { PROJECT_ROOT } from "../../src/paths.js";
import { schema } from "../../src/schema.js";
import { graphql } from "../gql/index.js";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";

// possible-types.json is what Apollo Client users give InMemoryCache: which concrete types each
// interface and union has. Without it the cache cannot match `... on Error` on a NotFoundError.

const FILE = "possible-types.json";
const committed = readFileSync(join(PROJECT_ROOT, FILE), "utf8");
const { possibleTypes } = JSON.parse(committed) as { possibleTypes: Record<string, string[]> };

const RemoveConnector = graphql(`
  mutation PossibleTypesRemoveConnector($id: ID!) {
    deleteConnector(input: { id: $id }) {
      __typename
      ... on DeleteConnectorSuccess { deletedId }
      ... on Error { message }
    }
  }
`);

describe("possible-types.json", async () => {
  it("is the schema's, as npm run codegen writes it", async () => {
    const output = codegen.generates[FILE];
    const config = typeof output === "object" && !Array.isArray(output) && "config" in output ? output.config : undefined;
    expect(await plugin(schema, [], config ?? {}, { outputFile: FILE })).toBe(committed);
    expect(possibleTypes.Error).toEqual(expect.arrayContaining(["NotFoundError", "ValidationError", "ForbiddenError"]));
  });

  const server = await startServer();
  const apollo = (key: string, cache: InMemoryCache) =>
    new ApolloClient({ link: new HttpLink({ uri: `${server.url}/graphql`, headers: { authorization: `Bearer ${key}` } }), cache });

  it("lets Apollo's InMemoryCache keep `... on Error { message }` of a real error; without it the message is dropped", async () => {
    const t = await team();
    const id = newId("conn");
    const withMap = await apollo(t.alice.key, new InMemoryCache({ possibleTypes })).mutate({ mutation: RemoveConnector, variables: { id } });
    expect(withMap.data).toEqual({ deleteConnector: { __typename: "NotFoundError", message: `No connector with id ${id}` } });
    // (Apollo says so on the console: "Cannot match inline fragment on `Error` against `NotFoundError`")
    const without = await apollo(t.alice.key, new InMemoryCache()).mutate({ mutation: RemoveConnector, variables: { id } });
    expect(without.data).toEqual({ deleteConnector: { __typename: "NotFoundError" } });
  });
});
