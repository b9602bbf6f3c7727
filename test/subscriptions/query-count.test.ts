import { afterEach, describe, expect, it } from "vitest";
import { onQuery } from "../helpers/database.js";
import { connectors } from "../connectors/api.js";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { closeAll, listening, subscribeWs, wsClient } from "../helpers/subscriptions.js";
import { Events, StateChanged } from "./documents.js";

describe("the publish path", async () => {
  const server = await startServer();
  afterEach(closeAll);

  /** SQL statements from a change until every subscriber holds it, with n subscribers of each kind */
  async function statementsFor(n: number): Promise<number> {
    const { alice, organizationId } = await team();
    const api = connectors(server.as(alice.key));
    const c = await api.created({ presetSlug: "github" });
    const client = wsClient(server.url, alice.key);
    const events = Array.from({ length: n }, () => subscribeWs(client, Events, { id: c.id }));
    const states = Array.from({ length: n }, () => subscribeWs(client, StateChanged, { id: c.id }));
    for (const s of states) await s.next();
    await listening(server.app, organizationId, 2 * n);

    let statements = 0;
    const stop = onQuery(() => statements++);
    await api.update({ id: c.id, name: "Counted" });
    for (const s of events) expect((await s.next()).connectorEvents.connector).toMatchObject({ name: "Counted", preset: { slug: "github" } });
    for (const s of states) expect((await s.next()).connectorStateChanged.name).toBe("Counted");
    stop();
    closeAll();
    return statements;
  }

  it("costs the same number of SQL statements for 1 subscriber as for 40", async () => {
    const one = await statementsFor(1);
    const many = await statementsFor(40);
    // the mutation's own statements, plus at most one shared connector load (Prisma may fold it
    // into the mutation's own read of the row)
    expect(many).toBeLessThanOrEqual(one + 1);
  });
});
