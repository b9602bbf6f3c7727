import { describe, expect, it } from "vitest";
import { newId } from "../../src/db/ids.js";
import { onQuery, prisma } from "../helpers/database.js";
import { graphql } from "../gql/index.js";
import { connector, team } from "../helpers/fixtures.js";
import { ok } from "../helpers/graphql.js";
import { createActor, startServer } from "../helpers/server.js";

const Rename = graphql(`
  mutation MutationCountRename($input: UpdateConnectorInput!) {
    updateConnector(input: $input) {
      __typename
      ... on UpdateConnectorSuccess { connector { id name version } }
    }
  }
`);

/** The first words of a statement, enough to tell which one it is in a failure message. */
const gist = (sql: string) => sql.replace(/\s+/g, " ").trim().slice(0, 90);

describe("SQL statements per mutation", async () => {
  const server = await startServer();

  /** the statements of one request, as the database client sees them (BEGIN is not reported; COMMIT is) */
  async function statementsOf(request: () => Promise<unknown>): Promise<string[]> {
    const seen: string[] = [];
    const unsubscribe = onQuery((sql) => seen.push(gist(sql)));
    try {
      await request();
    } finally {
      unsubscribe();
    }
    return seen;
  }

  async function renamed(key: string, id: string, name: string) {
    const data = ok(await server.as(key).run(Rename, { input: { id, name } }));
    if (data.updateConnector.__typename !== "UpdateConnectorSuccess") throw new Error(data.updateConnector.__typename);
    return data.updateConnector.connector;
  }

  it("renames a connector in at most 5 statements, its event and version included", async () => {
    const t = await team();
    const c = await connector(t.organizationId);
    await renamed(t.alice.key, c.id, "warms the key");
    const warm = await statementsOf(async () => {
      expect(await renamed(t.alice.key, c.id, "Renamed")).toEqual({ id: c.id, name: "Renamed", version: 3 });
    });
    expect(warm.length, warm.join("\n")).toBeLessThanOrEqual(5);
    const events = await prisma.connectorEvent.findMany({ where: { connectorId: c.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => [e.kind, e.version, e.actorId])).toEqual([["UPDATED", 2, t.alice.userId], ["UPDATED", 3, t.alice.userId]]);

    // a key the server has not seen yet costs its lookup on top
    const fresh = await createActor({ organizationId: t.organizationId, role: "ADMIN" });
    const cold = await statementsOf(() => renamed(fresh.key, c.id, "Renamed again"));
    expect(cold, cold.join("\n")).toHaveLength(warm.length + 1);
  });

  it("queues a webhook's delivery within the same 5", async () => {
    const t = await team();
    const c = await connector(t.organizationId);
    const hook = await prisma.webhook.create({
      data: { id: newId("hook"), organizationId: t.organizationId, url: "https://hooks.example.test/", document: "subscription { connectorEvents { kind } }", secretEnc: "test-ciphertext", viaApiKey: false, userId: t.alice.userId },
    });
    await renamed(t.alice.key, c.id, "warms the key");
    const warm = await statementsOf(() => renamed(t.alice.key, c.id, "Renamed"));
    expect(warm.length, warm.join("\n")).toBeLessThanOrEqual(5);
    expect(await prisma.webhookDelivery.count({ where: { webhookId: hook.id, connectorId: c.id } })).toBe(2);
  });
});
