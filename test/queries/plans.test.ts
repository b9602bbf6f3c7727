import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { orgId, type ScaleSizes, scaleDataSql, userId } from "../../bench/scale-data.js";
import { insertApiKey } from "../../src/auth/api-keys.js";
import { graphql } from "../gql/index.js";
import { databaseUrl, onQuery, prisma } from "../helpers/database.js";
import { ok } from "../helpers/graphql.js";
import { startServer } from "../helpers/server.js";

const ConnectorsPage = graphql(`
  query PlansConnectors($orderBy: ConnectorOrder) {
    connectors(first: 20, orderBy: $orderBy) { edges { node { id name preset { slug } tools { name } } } pageInfo { hasNextPage endCursor } totalCount }
  }
`);
const ConnectorsAfter = graphql(`
  query PlansConnectorsAfter($orderBy: ConnectorOrder, $after: String) {
    connectors(first: 20, after: $after, orderBy: $orderBy) { edges { node { id } } }
  }
`);
const WithStatus = graphql(`
  query PlansWithStatus { connectorsWithStatus { slug server { id status connector { id name } } } }
`);
const Lists = graphql(`
  query PlansLists($id: ID!) {
    personalConfigurations(first: 20) { edges { node { id name preset { slug } } } totalCount }
    auditEvents(first: 20) { edges { node { id action } } }
    users(first: 20) { edges { node { id email } } totalCount }
    apiKeys(first: 20) { edges { node { id } } totalCount }
    webhooks(first: 20) { edges { node { id } } }
    presets(first: 20) { edges { node { slug } } totalCount }
    connector(id: $id) {
      events(first: 20) { edges { node { id kind } } totalCount }
      toolCalls(first: 20) { edges { node { id outcome } } totalCount }
    }
  }
`);
const ConnectorsSearch = graphql(`
  query PlansConnectorsSearch($search: String!) {
    connectors(first: 20, filter: { search: $search }) { edges { node { id name } } totalCount }
  }
`);
const AvailableTools = graphql(`
  query PlansAvailableTools { availableTools(first: 20) { edges { node { name } } totalCount } }
`);

/** Tables large enough here that reading all of one is the mistake this test looks for. */
const BIG = new Set(["Connector", "ConnectorTool", "ConnectorEvent", "ToolCall", "OAuthAuthorization", "PersonalConfiguration", "AuditEvent"]);
/** More rows than a page, a fraction of the organization: a Sort of this many sorts the organization. */
const SORT_LIMIT = 1_000;

// 20,000 connectors in the first of 20 organizations (a fifth of the table, as a large one among
// many: in one holding most of a table, reading all of it is the right plan for its totalCount)
const SIZES: ScaleSizes = {
  organizations: 20,
  connectors: 100_000,
  presets: 100,
  toolsPerConnector: 1,
  eventsPerConnector: 2,
  toolCallsPerConnector: 1,
  authorizations: 5_000,
  personalConfigurations: 10_000,
  usersPerOrganization: 5,
  bigShare: 0.2,
  bigUsers: 4,
  auditEventsPerOrganization: 40,
};

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  Plans?: PlanNode[];
}

/** What in a plan reads a whole big table or sorts more than a page's worth of rows. */
function problems(node: PlanNode): string[] {
  const found: string[] = [];
  if (node["Node Type"] === "Seq Scan" && BIG.has(node["Relation Name"] ?? "")) found.push(`Seq Scan on ${node["Relation Name"]}`);
  if (node["Node Type"] === "Sort" || node["Node Type"] === "Incremental Sort") {
    const input = node.Plans?.[0];
    const rows = (input?.["Actual Rows"] ?? 0) * (input?.["Actual Loops"] ?? 1);
    if (rows > SORT_LIMIT) found.push(`${node["Node Type"]} of ${rows} rows`);
  }
  for (const child of node.Plans ?? []) found.push(...problems(child));
  return found;
}

/** The Connector rows a plan read only to drop them (a search that filters the organization). */
function connectorsFilteredOut(node: PlanNode): number {
  const own = node["Relation Name"] === "Connector" ? (node["Rows Removed by Filter"] ?? 0) * (node["Actual Loops"] ?? 1) : 0;
  return own + (node.Plans ?? []).reduce((sum, child) => sum + connectorsFilteredOut(child), 0);
}

/**
 * The statements the list queries really send (captured from Prisma with their parameters), each
 * explained with those parameters on a database big enough that the planner prefers indexes: none
 * may read a big table whole or sort an organization to return a page. PostgreSQL only: PGlite's
 * planner and costs are PostgreSQL's too, but it is the deployed one that matters.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)("query plans at scale", async () => {
  // vitest still runs a skipped suite's factory to collect it: connect to nothing then
  if (!process.env.TEST_DATABASE_URL) return;
  const server = await startServer();
  const explainer = new pg.Client({ connectionString: databaseUrl! });
  await explainer.connect();
  afterAll(() => explainer.end());
  for (const statement of scaleDataSql(SIZES, "test")) await explainer.query(statement);
  const { key } = await insertApiKey(prisma, { organizationId: orgId(1), userId: userId(1, 1), role: "ADMIN" });
  const client = server.as(key);

  /** Runs `request`, then explains each SELECT it sent; returns the problems found, by statement. */
  async function planned(request: () => Promise<unknown>): Promise<{ statements: number; problems: Record<string, string[]>; filteredOut: number }> {
    const sent: { sql: string; params: unknown[] }[] = [];
    const stop = onQuery((sql, params) => sent.push({ sql, params: JSON.parse(params || "[]") as unknown[] }));
    try {
      await request();
    } finally {
      stop();
    }
    const found: Record<string, string[]> = {};
    let filteredOut = 0;
    for (const { sql, params } of sent) {
      if (!/^\s*SELECT/i.test(sql)) continue;
      const { rows } = await explainer.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
      const plan = (rows[0]["QUERY PLAN"] as { Plan: PlanNode }[])[0].Plan;
      const p = problems(plan);
      if (p.length) found[sql.replace(/\s+/g, " ").slice(0, 240)] = p;
      filteredOut += connectorsFilteredOut(plan);
    }
    return { statements: sent.length, problems: found, filteredOut };
  }

  const orders = (["CREATED_AT", "UPDATED_AT", "NAME"] as const).flatMap((field) =>
    (["ASC", "DESC"] as const).map((direction) => ({ field, direction })),
  );

  it.each(orders)("connectors(first: 20, orderBy: %o) and its next page read an index of the organization", async (orderBy) => {
    let endCursor: string | null | undefined;
    const first = await planned(async () => {
      const page = ok(await client.run(ConnectorsPage, { orderBy })).connectors;
      expect(page.edges).toHaveLength(20);
      expect(page.totalCount).toBeGreaterThan(15_000);
      endCursor = page.pageInfo.endCursor;
    });
    expect(first.problems).toEqual({});
    const next = await planned(async () => {
      expect(ok(await client.run(ConnectorsAfter, { orderBy, after: endCursor })).connectors.edges).toHaveLength(20);
    });
    expect(next.problems).toEqual({});
  });

  it.each(["zz-no-such-connector", "connector 1234"])("connectors(filter: { search: %j }) finds its matches by a trigram index, not by filtering the organization", async (search) => {
    const result = await planned(async () => {
      const page = ok(await client.run(ConnectorsSearch, { search })).connectors;
      expect(page.edges.every((e) => e.node.name.toLowerCase().includes(search))).toBe(true);
    });
    expect(result.problems).toEqual({});
    // without the index, the page and its count each read the organization's 20,000 and drop them
    expect(result.filteredOut).toBeLessThan(SORT_LIMIT);
  });

  it("connectorsWithStatus reads one install per preset", async () => {
    const result = await planned(async () => {
      const catalog = ok(await client.run(WithStatus)).connectorsWithStatus;
      expect(catalog.filter((p) => p.server).length).toBeGreaterThan(SIZES.presets / 2);
    });
    expect(result.problems).toEqual({});
  });

  it("the other lists (personal configurations, audit, users, keys, webhooks, presets, a connector's events and tool calls) read pages", async () => {
    const id = ok(await client.run(ConnectorsPage, {})).connectors.edges[0].node.id;
    const result = await planned(async () => {
      const data = ok(await client.run(Lists, { id }));
      expect(data.personalConfigurations.edges.length).toBe(20);
      expect(data.connector?.events.edges.length).toBeGreaterThan(0);
      expect(data.connector?.toolCalls.edges.length).toBeGreaterThan(0);
    });
    expect(result.problems).toEqual({});
  });

  it("availableTools reads a page (its totalCount, all of the organization's tools, may read the table)", async () => {
    const result = await planned(async () => {
      expect(ok(await client.run(AvailableTools)).availableTools.edges).toHaveLength(20);
    });
    // counting the usable tools of a fifth of the connectors joins a fifth of ConnectorTool: here a
    // hash join over a Seq Scan is the cheaper plan, and no index makes that count small
    const pages = Object.entries(result.problems).filter(([sql]) => !sql.startsWith("SELECT COUNT(*)"));
    expect(Object.fromEntries(pages)).toEqual({});
  });
});
