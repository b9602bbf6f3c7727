import { describe, expect, it } from "vitest";
import { onQuery } from "../helpers/database.js";
import { graphql } from "../gql/index.js";
import { connector, team } from "../helpers/fixtures.js";
import { ok } from "../helpers/graphql.js";
import { startServer } from "../helpers/server.js";

const ConnectorsPage = graphql(`
  query QueryCountConnectors {
    connectors(first: 50) {
      edges { node { id preset { slug tools { name } } tools { name } createdBy { email } } }
      totalCount
    }
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
});
