import { describe, expect, it } from "vitest";
import { onQuery } from "../helpers/database.js";
import { graphql } from "../gql/index.js";
import { connector, team } from "../helpers/fixtures.js";
import { ok } from "../helpers/graphql.js";
import { startServer } from "../helpers/server.js";

const ConnectorsPage = graphql(`
  query QueryCountConnectors {
    connectors(first: 50) {
      edges { node { id preset { slug tools { name } } tools { name inputSchema } createdBy { email } } }
      totalCount
    }
  }
`);

const CatalogWithInstalls = graphql(`
  query QueryCountWithStatus {
    connectorsWithStatus { slug server { id status connector { id tools { name } preset { slug } createdBy { email } } } }
  }
`);

const SearchPage = graphql(`
  query QueryCountSearch($first: Int, $search: String) {
    connectors(first: $first, filter: { search: $search }) { edges { node { id } } totalCount }
  }
`);

describe("SQL statements per request", async () => {
  const server = await startServer();
  const presets = ["github", "slack", "zendesk"];

  /** the statements one request for n connectors takes, authentication included */
  async function statementsFor(n: number): Promise<number> {
    const t = await team();
    for (let i = 0; i < n; i++) {
      const creator = i % 2 ? t.alice.userId : t.bob.userId;
      await connector(t.organizationId, { presetSlug: presets[i % presets.length], createdById: creator });
    }
    let statements = 0;
    const unsubscribe = onQuery(() => statements++);
    try {
      const data = ok(await server.as(t.alice.key).run(ConnectorsPage));
      expect(data.connectors.edges).toHaveLength(n);
      expect(data.connectors.totalCount).toBe(n);
      expect(data.connectors.edges.every((e) => e.node.tools.length > 0 && e.node.preset?.tools.length)).toBe(true);
      // a connector's tools are listed without their input schemas, which are then loaded for the whole page at once
      expect(data.connectors.edges.every((e) => e.node.tools.some((tool) => tool.inputSchema?.type === "object"))).toBe(true);
    } finally {
      unsubscribe();
    }
    return statements;
  }

  it("lists connectors with their preset, tools and creator in a fixed number of statements", async () => {
    const few = await statementsFor(5);
    const many = await statementsFor(50);
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(10);
  });

  it("builds connectorsWithStatus in a fixed number of statements, none of which reads every install", async () => {
    async function catalogFor(installsPerPreset: number) {
      const t = await team();
      for (const presetSlug of presets) {
        for (let i = 0; i < installsPerPreset; i++) await connector(t.organizationId, { presetSlug, createdById: t.alice.userId });
      }
      const sql: string[] = [];
      const unsubscribe = onQuery((q) => sql.push(q));
      try {
        const data = ok(await server.as(t.alice.key).run(CatalogWithInstalls));
        const installed = data.connectorsWithStatus.filter((p) => p.server);
        expect(installed.map((p) => p.slug).sort()).toEqual([...presets].sort());
        expect(installed.every((p) => p.server!.connector.tools.length > 0 && p.server!.connector.createdBy?.email)).toBe(true);
      } finally {
        unsubscribe();
      }
      return sql;
    }
    const one = await catalogFor(1);
    const many = await catalogFor(6);
    expect(many.length).toBe(one.length);
    expect(many.length).toBeLessThanOrEqual(10);
    // the newest install of each preset is read with LIMIT 1 under a LATERAL join, never all of them
    expect(many.some((q) => /LATERAL[\s\S]*LIMIT 1/.test(q))).toBe(true);
  });

  it("answers totalCount from a first page that holds the whole list, and counts otherwise", async () => {
    const t = await team();
    for (const name of ["Needle one", "Needle two", "Haystack"]) await connector(t.organizationId, { presetSlug: "github", name });
    async function run(first: number) {
      const sql: string[] = [];
      const unsubscribe = onQuery((q) => sql.push(q));
      try {
        return { data: ok(await server.as(t.alice.key).run(SearchPage, { first, search: "needle" })).connectors, counts: sql.filter((q) => /COUNT\(/i.test(q)).length };
      } finally {
        unsubscribe();
      }
    }
    const whole = await run(10);
    expect(whole.data.edges).toHaveLength(2);
    expect(whole.data.totalCount).toBe(2);
    expect(whole.counts).toBe(0);
    const part = await run(1);
    expect(part.data.edges).toHaveLength(1);
    expect(part.data.totalCount).toBe(2);
    expect(part.counts).toBe(1);
  });
});
