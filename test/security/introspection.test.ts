import { getIntrospectionQuery, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { isIntrospectionOnly } from "../../src/auth/introspection.js";
import { readEnv } from "../../src/env.js";
import { graphqlClient } from "../helpers/graphql.js";
import { createActor, startServer } from "../helpers/server.js";
import { wsClient } from "../helpers/subscriptions.js";

// The schema is public, its data is not; INTROSPECTION=false closes the schema too.
describe("introspection", async () => {
  const server = await startServer();
  const closed = await startServer({ app: { config: { introspection: false } } });
  const anonymous = graphqlClient(server.url, null);

  it("answers GraphiQL's introspection query without a key", async () => {
    const res = await anonymous.raw(getIntrospectionQuery({ descriptions: true, schemaDescription: true }));
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    const connector = res.data.__schema.types.find((t: { name: string }) => t.name === "Connector");
    expect(connector.fields.find((f: { name: string }) => f.name === "version").description).toMatch(/\+1 on every change/);
  });

  it("answers introspection with a bad key too, and `__type` / `__typename` through fragments", async () => {
    const bad = graphqlClient(server.url, "pb_notakeynotakeynotakeynotakeynotakey");
    expect((await bad.raw("query T { __type(name: \"Connector\") { name } }")).data).toEqual({ __type: { name: "Connector" } });
    const viaFragments = await anonymous.raw("query F { ...Root } fragment Root on Query { __typename ... on Query { __schema { queryType { name } } } }");
    expect(viaFragments.data).toEqual({ __typename: "Query", __schema: { queryType: { name: "Query" } } });
  });

  it("still refuses data without a key (401), however the document mixes it with introspection", async () => {
    for (const query of [
      "{ viewer { role } }",
      "{ __typename viewer { role } }",
      "query F { ...Data } fragment Data on Query { __typename connectors(first: 1) { totalCount } }",
    ]) {
      const res = await anonymous.raw(query);
      expect([query, res.status, res.errors?.[0]?.extensions?.code]).toEqual([query, 401, "UNAUTHENTICATED"]);
    }
    // two operations: the one named is the one checked
    const post = (operationName: string) =>
      fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "query A { __typename } query B { viewer { role } }", operationName }),
      });
    expect((await post("B")).status).toBe(401);
    expect(await (await post("A")).json()).toEqual({ data: { __typename: "Query" } });
  });

  it("is refused for everyone, with a key or not, when INTROSPECTION=false", async () => {
    const { key } = await createActor();
    for (const client of [graphqlClient(closed.url, key), graphqlClient(closed.url, null)]) {
      const res = await client.raw("{ __schema { queryType { name } } }");
      expect(res.data).toBeUndefined();
      expect(res.errors?.[0]?.message).toMatch(/introspection has been disabled/);
    }
    // data and __typename still work with a key
    expect((await graphqlClient(closed.url, key).raw("{ __typename viewer { role } }")).data).toEqual({ __typename: "Query", viewer: { role: "ADMIN" } });
  });

  it("is refused on graphql-ws too when INTROSPECTION=false, with a clear error", async () => {
    const { key } = await createActor();
    const client = wsClient(closed.url, key);
    const errors = await new Promise<unknown>((resolve) =>
      client.subscribe({ query: "{ __schema { queryType { name } } }" }, { next: () => {}, error: resolve, complete: () => resolve(null) }),
    );
    expect(JSON.stringify(errors)).toMatch(/introspection has been disabled/);
    await client.dispose();
  });

  it("reads INTROSPECTION from the environment: on unless false", () => {
    expect(readEnv({}).INTROSPECTION).toBe(true);
    expect(readEnv({ INTROSPECTION: "false" }).INTROSPECTION).toBe(false);
    expect(readEnv({ INTROSPECTION: "true" }).INTROSPECTION).toBe(true);
    expect(() => readEnv({ INTROSPECTION: "maybe" })).toThrow(/INTROSPECTION/);
  });

  it("checks the operation that runs, and only queries", () => {
    const doc = parse("query A { __typename } query B { viewer { role } } mutation M { __typename }");
    expect(isIntrospectionOnly(doc, "A")).toBe(true);
    expect(isIntrospectionOnly(doc, "B")).toBe(false);
    expect(isIntrospectionOnly(doc, "M")).toBe(false);
    expect(isIntrospectionOnly(doc)).toBe(false); // ambiguous: yoga would refuse it anyway
  });
});
