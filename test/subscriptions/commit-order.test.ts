import { afterEach, describe, expect, it } from "vitest";
import { writeEvent } from "../../src/connectors/events.js";
import { connectors } from "../connectors/api.js";
import { prisma } from "../helpers/database.js";
import { team } from "../helpers/fixtures.js";
import { ok } from "../helpers/graphql.js";
import { startServer } from "../helpers/server.js";
import { closeAll, subscribeWs, wsClient } from "../helpers/subscriptions.js";
import { graphql } from "../gql/index.js";
import { Events } from "./documents.js";

const LastEvent = graphql(`
  query CommitOrderLastEvent($id: ID!) { connector(id: $id) { events(first: 1) { edges { node { id } } } } }
`);

// On PGlite every statement shares one connection, so transactions cannot overlap: the case this
// guards against needs PostgreSQL (npm run test:pg), where it failed before events took their seq
// in commit order.
describe("connectorEvents resume in commit order", async () => {
  const server = await startServer();
  afterEach(closeAll);

  it("an event whose transaction commits late is not skipped by a client resuming after a later one", async () => {
    const { alice } = await team();
    const api = connectors(server.as(alice.key));
    const [a, b] = [await api.created({ presetSlug: "github" }), await api.created({ presetSlug: "github" })];
    const before = ok(await server.as(alice.key).run(LastEvent, { id: b.id })).connector!.events.edges[0].node.id;

    // a change of A that draws its event and then takes its time to commit
    let written!: () => void;
    const drawn = new Promise<void>((r) => (written = r));
    const row = await prisma.connector.findUniqueOrThrow({ where: { id: a.id } });
    const slow = prisma.$transaction(
      async (tx) => {
        await writeEvent(tx, { ...row, version: row.version }, "UPDATED", row.state, null);
        written();
        await new Promise((r) => setTimeout(r, 700));
      },
      { timeout: 10_000 },
    );
    await drawn;
    await api.update({ id: b.id, name: "Changed while A commits" });

    // whatever the server answered B with, a client resuming from before both sees A, then B
    const resumed = subscribeWs(wsClient(server.url, alice.key), Events, { after: before });
    const order = [(await resumed.next()).connectorEvents.connectorId, (await resumed.next()).connectorEvents.connectorId];
    await slow;
    expect(order).toEqual([a.id, b.id]);
  });
});
