import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "../helpers/database.js";
import { connectors, UpdateConnector } from "../connectors/api.js";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { closeAll, listening, subscribeWs, wsClient } from "../helpers/subscriptions.js";
import { Events, StateChanged } from "./documents.js";

/**
 * A real database fault at the worst moment: the event row is written, then the COMMIT fails (a
 * deferred constraint trigger raises for the connectors listed in test_refused_connector). Whatever
 * was published before the commit would reach subscribers for a change that never happened.
 */
async function refuseCommitsFor(): Promise<{ refuse(id: string): Promise<void>; allow(id: string): Promise<void> }> {
  await prisma.$executeRawUnsafe(`CREATE TABLE test_refused_connector (id TEXT PRIMARY KEY)`);
  await prisma.$executeRawUnsafe(`
    CREATE FUNCTION test_refuse_event() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM test_refused_connector WHERE id = NEW."connectorId") THEN
        RAISE EXCEPTION 'test: commit refused for connector %', NEW."connectorId";
      END IF;
      RETURN NULL;
    END $$`);
  await prisma.$executeRawUnsafe(`
    CREATE CONSTRAINT TRIGGER test_refuse_event_at_commit AFTER INSERT ON "ConnectorEvent"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_refuse_event()`);
  return {
    refuse: async (id) => void (await prisma.$executeRawUnsafe(`INSERT INTO test_refused_connector (id) VALUES ($1)`, id)),
    allow: async (id) => void (await prisma.$executeRawUnsafe(`DELETE FROM test_refused_connector WHERE id = $1`, id)),
  };
}

describe("a connector change publishes only after its transaction commits", async () => {
  const server = await startServer();
  const fault = await refuseCommitsFor();
  afterEach(closeAll);

  it("publishes nothing, delivers nothing and records nothing when the commit fails after the event row", async () => {
    const { alice, organizationId } = await team();
    const client = server.as(alice.key);
    const c = await connectors(client).created({ presetSlug: "github", name: "Before" });
    const ws = wsClient(server.url, alice.key);
    const events = subscribeWs(ws, Events, { id: c.id });
    const state = subscribeWs(ws, StateChanged, { id: c.id });
    expect((await state.next()).connectorStateChanged).toMatchObject({ name: "Before", version: 1 });
    await listening(server.app, organizationId, 2);

    await fault.refuse(c.id);
    // more failures than the test pool has connections (5): a failed COMMIT must give its connection back
    for (let i = 0; i < 6; i++) {
      const failed = await client.run(UpdateConnector, { input: { id: c.id, name: "Never committed" } });
      expect(failed.errors?.[0]?.extensions?.code, JSON.stringify(failed)).toBe("INTERNAL_SERVER_ERROR");
      expect(failed.data?.updateConnector ?? null).toBeNull();
    }
    expect(await prisma.connector.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ name: "Before", version: 1 });
    expect(await prisma.connectorEvent.findMany({ where: { connectorId: c.id } })).toMatchObject([{ kind: "CREATED", version: 1 }]);

    // the next change that commits is the first thing either subscriber receives: nothing came before it
    await fault.allow(c.id);
    const committed = await connectors(client).update({ id: c.id, name: "Committed" });
    expect(committed.__typename).toBe("UpdateConnectorSuccess");
    const trail = await prisma.connectorEvent.findMany({ where: { connectorId: c.id }, orderBy: { seq: "asc" } });
    expect(trail.map((e) => e.version)).toEqual([1, 2]);
    // result(), not next(): an event published for the rolled-back change fails here by its id
    expect((await events.result()).data?.connectorEvents).toMatchObject({ id: trail[1].id, kind: "UPDATED", version: 2 });
    expect((await state.next()).connectorStateChanged).toMatchObject({ name: "Committed", version: 2 });
    expect(events.pending + state.pending).toBe(0);
  });
});
