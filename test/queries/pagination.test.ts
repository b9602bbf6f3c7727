import { describe, expect, it } from "vitest";
import type { PaginationConnectorsQuery, PaginationPresetsQuery } from "../gql/graphql.js";
import { graphql } from "../gql/index.js";
import { connector, minutesAgo, personalConfiguration, team } from "../helpers/fixtures.js";
import { ok } from "../helpers/graphql.js";
import { startServer } from "../helpers/server.js";

const ConnectorPage = graphql(`
  query PaginationConnectors($first: Int, $after: String, $last: Int, $before: String, $orderBy: ConnectorOrder) {
    connectors(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
      totalCount
      edges { cursor node { id } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`);
const PresetPage = graphql(`
  query PaginationPresets($first: Int, $after: String) {
    presets(first: $first, after: $after) { totalCount edges { node { slug } } pageInfo { hasNextPage endCursor } }
  }
`);
const PersonalConfigurationPage = graphql(`
  query PaginationPersonalConfigurations($first: Int, $after: String) {
    personalConfigurations(first: $first, after: $after) {
      totalCount edges { node { id } } pageInfo { hasNextPage endCursor }
    }
  }
`);

type Page = PaginationConnectorsQuery["connectors"];

describe("pagination", async () => {
  const server = await startServer();

  /** n connectors, newest first (the default order), as the viewer's client sees them */
  async function connectors(n: number) {
    const t = await team();
    const rows = [];
    for (let i = 0; i < n; i++) rows.push(await connector(t.organizationId, { createdAt: minutesAgo(n - i) }));
    return { client: server.as(t.alice.key), newestFirst: rows.reverse().map((c) => c.id) };
  }
  const ids = (page: { edges: { node: { id: string } }[] }) => page.edges.map((e) => e.node.id);

  it("answers an empty list with an empty page", async () => {
    const { client } = await connectors(0);
    const page = ok(await client.run(ConnectorPage, { first: 5 })).connectors;
    expect(page).toEqual({
      totalCount: 0,
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
  });

  it("says there is no next page when first equals the number of rows", async () => {
    const { client, newestFirst } = await connectors(4);
    const page = ok(await client.run(ConnectorPage, { first: 4 })).connectors;
    expect(ids(page)).toEqual(newestFirst);
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    expect(page.totalCount).toBe(4);
  });

  it("walks forward with after and backward with before, each row once and in order", async () => {
    const { client, newestFirst } = await connectors(7);
    const forward: string[][] = [];
    let after: string | null = null;
    for (let more = true; more; ) {
      const page: Page = ok(await client.run(ConnectorPage, { first: 3, after })).connectors;
      forward.push(ids(page));
      expect(page.totalCount).toBe(7);
      ({ hasNextPage: more, endCursor: after } = page.pageInfo);
    }
    expect(forward).toEqual([newestFirst.slice(0, 3), newestFirst.slice(3, 6), newestFirst.slice(6)]);

    const backward: string[][] = [];
    let before: string | null = null;
    for (let more = true; more; ) {
      const page: Page = ok(await client.run(ConnectorPage, { last: 3, before })).connectors;
      backward.unshift(ids(page));
      ({ hasPreviousPage: more, startCursor: before } = page.pageInfo);
    }
    expect(backward).toEqual([newestFirst.slice(0, 1), newestFirst.slice(1, 4), newestFirst.slice(4)]);
  });

  it("ends on a last page that has no next page", async () => {
    const { client, newestFirst } = await connectors(5);
    const first = ok(await client.run(ConnectorPage, { first: 3 })).connectors;
    const last = ok(await client.run(ConnectorPage, { first: 3, after: first.pageInfo.endCursor })).connectors;
    expect(ids(last)).toEqual(newestFirst.slice(3));
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it("returns 20 rows when first is not given", async () => {
    const { client, newestFirst } = await connectors(22);
    const page = ok(await client.run(ConnectorPage, {})).connectors;
    expect(ids(page)).toEqual(newestFirst.slice(0, 20));
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.totalCount).toBe(22);
  });

  it.each([
    [{ first: 101 }, /100/],
    [{ last: 101 }, /100/],
  ])("refuses a page larger than 100 (%o) with BAD_USER_INPUT", async (args, message) => {
    const { client } = await connectors(0);
    const res = await client.run(ConnectorPage, args);
    expect(res.data?.connectors ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.message).toMatch(message);
  });

  it.each([
    ["a negative first", { first: -1 }],
    ["a malformed cursor", { first: 2, after: "not-a-cursor" }],
    ["a base64 cursor of something else", { first: 2, after: Buffer.from("hello").toString("base64") }],
  ])("refuses %s with a clean BAD_USER_INPUT error", async (_label, args) => {
    const { client } = await connectors(1);
    const res = await client.run(ConnectorPage, args);
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.message).not.toMatch(/unexpected error/i);
  });

  it("pages presets and personal configurations the same way", async () => {
    const t = await team();
    const client = server.as(t.alice.key);
    const slugs: string[] = [];
    let after: string | null = null;
    for (let more = true; more; ) {
      const page: PaginationPresetsQuery["presets"] = ok(await client.run(PresetPage, { first: 5, after })).presets;
      slugs.push(...page.edges.map((e) => e.node.slug));
      ({ hasNextPage: more, endCursor: after } = page.pageInfo);
    }
    const all = ok(await client.run(PresetPage, { first: 100 })).presets;
    expect(slugs).toEqual(all.edges.map((e) => e.node.slug));
    expect(new Set(slugs).size).toBe(all.totalCount);

    const configs = [];
    for (let i = 0; i < 3; i++) {
      configs.push(await personalConfiguration(t.organizationId, { userId: t.alice.userId, createdAt: minutesAgo(3 - i) }));
    }
    const first = ok(await client.run(PersonalConfigurationPage, { first: 2 })).personalConfigurations;
    const rest = ok(await client.run(PersonalConfigurationPage, { first: 2, after: first.pageInfo.endCursor }))
      .personalConfigurations;
    expect([...ids(first), ...ids(rest)]).toEqual(configs.reverse().map((c) => c.id));
    expect([first.pageInfo.hasNextPage, rest.pageInfo.hasNextPage, first.totalCount]).toEqual([true, false, 3]);
  });
});
