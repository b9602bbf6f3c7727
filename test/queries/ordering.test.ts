import { describe, expect, it } from "vitest";
import type { ConnectorOrderField, OrderDirection } from "../gql/graphql.js";
import { graphql } from "../gql/index.js";
import { connector, minutesAgo, team } from "../helpers/fixtures.js";
import { ok } from "../helpers/graphql.js";
import { startServer } from "../helpers/server.js";

const OrderedConnectors = graphql(`
  query OrderedConnectors($first: Int, $after: String, $orderBy: ConnectorOrder) {
    connectors(first: $first, after: $after, orderBy: $orderBy) {
      edges { node { name } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

describe("connectors orderBy", async () => {
  const server = await startServer();

  /** three connectors whose name, creation and update orders all differ */
  async function threeConnectors() {
    const t = await team();
    await connector(t.organizationId, { name: "bravo", createdAt: minutesAgo(30), updatedAt: minutesAgo(5) });
    await connector(t.organizationId, { name: "alpha", createdAt: minutesAgo(20), updatedAt: minutesAgo(15) });
    await connector(t.organizationId, { name: "charlie", createdAt: minutesAgo(10), updatedAt: minutesAgo(9) });
    return server.as(t.alice.key);
  }
  const ascending: Record<ConnectorOrderField, string[]> = {
    NAME: ["alpha", "bravo", "charlie"],
    CREATED_AT: ["bravo", "alpha", "charlie"],
    UPDATED_AT: ["alpha", "charlie", "bravo"],
  };
  const cases = (Object.keys(ascending) as ConnectorOrderField[]).flatMap((field) =>
    (["ASC", "DESC"] as OrderDirection[]).map((direction) => ({ field, direction })),
  );

  it.each(cases)("sorts by $field $direction", async (orderBy) => {
    const client = await threeConnectors();
    const names = ok(await client.run(OrderedConnectors, { orderBy })).connectors.edges.map((e) => e.node.name);
    const expected = [...ascending[orderBy.field]];
    expect(names).toEqual(orderBy.direction === "ASC" ? expected : expected.reverse());
  });

  it("sorts newest first when no order is given", async () => {
    const client = await threeConnectors();
    const names = ok(await client.run(OrderedConnectors, {})).connectors.edges.map((e) => e.node.name);
    expect(names).toEqual(["charlie", "alpha", "bravo"]);
  });

  it("keeps the order across pages", async () => {
    const client = await threeConnectors();
    const orderBy = { field: "NAME", direction: "DESC" } as const;
    const first = ok(await client.run(OrderedConnectors, { first: 2, orderBy })).connectors;
    const rest = ok(await client.run(OrderedConnectors, { first: 2, after: first.pageInfo.endCursor, orderBy })).connectors;
    expect([...first.edges, ...rest.edges].map((e) => e.node.name)).toEqual(["charlie", "bravo", "alpha"]);
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });
});
