import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { print } from "graphql";
import { afterEach, describe, expect, it } from "vitest";
import { publishConnectorEvent } from "../../src/events/publish.js";
import { connectors } from "../connectors/api.js";
import { graphql } from "../gql/index.js";
import { prisma } from "../helpers/database.js";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { closeAll, listening, WAIT_MS, wsClient } from "../helpers/subscriptions.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const EARLY = Number(process.env.MEM_EARLY ?? 1_000);
const LATE = Number(process.env.MEM_LATE ?? 5_000);
// scope-auth's per-request cache kept about 3 KB per delivered event (measured: 9.6 MB more heap
// after 3,000 more events); with the cache cleared per event the same stream grew 0.6 MB
const GROWTH_BOUND = 6 * 1024 * 1024;

// live events without their connector cost no query each, so more of them fit in the time: the
// cache kept about 1.5 KB per event of these (9 MB over 6,000), cleared 0.3 MB in all
const LIVE_EARLY = 1_000;
const LIVE_LATE = 7_000;
const BATCH = 250;
const LiveEvents = graphql(`
  subscription MemoryLiveEvents($id: ID) { connectorEvents(id: $id) { id kind version state at } }
`);

const heapAfterGc = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

// the server and this client share one process: the client keeps nothing but a count
describe("a long subscription", async () => {
  const server = await startServer();
  afterEach(closeAll);

  it(`holds no more memory after ${LATE.toLocaleString("en")} replayed events than after ${EARLY.toLocaleString("en")}`, { timeout: 120_000 }, async () => {
    const { alice, organizationId } = await team();
    const c = await connectors(server.as(alice.key)).created({ presetSlug: "github" });
    const first = await prisma.connectorEvent.findFirstOrThrow({ where: { connectorId: c.id } });
    // the audit trail of a busy connector, written in one statement
    await prisma.$executeRawUnsafe(
      `INSERT INTO "ConnectorEvent" ("id", "connectorId", "organizationId", "scope", "kind", "previousState", "state", "version", "ownerUserId")
       SELECT 'evt_memory' || g, $1, $2, 'TEAM', 'UPDATED', 'CREATED', 'CREATED', g + 1, NULL FROM generate_series(1, $3::int) g`,
      c.id,
      organizationId,
      LATE + 10,
    );

    const heap: Record<number, number> = {};
    let received = 0;
    await new Promise<void>((resolve, reject) => {
      wsClient(server.url, alice.key).subscribe(
        // connector { … } is checked by scope-auth for every event: what its cache used to keep
        { query: `subscription Long($id: ID, $after: ID) { connectorEvents(id: $id, after: $after) { id version connector { id name state } } }`, variables: { id: c.id, after: first.id } },
        {
          next: (r) => {
            if (r.errors) return reject(new Error(JSON.stringify(r.errors)));
            received++;
            if (received === EARLY || received === LATE) heap[received] = heapAfterGc();
            if (received === LATE) resolve();
          },
          error: reject,
          complete: () => reject(new Error("completed early")),
        },
      );
    });
    const growth = heap[LATE] - heap[EARLY];
    expect(growth, `heap ${Math.round(heap[EARLY] / 1e6)} MB at ${EARLY} events, ${Math.round(heap[LATE] / 1e6)} MB at ${LATE}`).toBeLessThan(GROWTH_BOUND);
  });
  // the live path: events published as their writes publish them, in batches below the
  // per-subscriber queue bound (1,000); the heap is measured between batches, with nothing in flight
  it(`holds no more memory after ${LIVE_LATE.toLocaleString("en")} live events than after ${LIVE_EARLY.toLocaleString("en")}`, { timeout: 120_000 }, async () => {
    const { alice, organizationId } = await team();
    const c = await connectors(server.as(alice.key)).created({ presetSlug: "github" });
    await prisma.$executeRawUnsafe(
      `INSERT INTO "ConnectorEvent" ("id", "connectorId", "organizationId", "scope", "kind", "previousState", "state", "version", "ownerUserId")
       SELECT 'evt_live' || g, $1, $2, 'TEAM', 'UPDATED', 'CREATED', 'CREATED', g + 1, NULL FROM generate_series(1, $3::int) g`,
      c.id,
      organizationId,
      LIVE_LATE,
    );
    let received = 0;
    let failure: unknown = null;
    wsClient(server.url, alice.key).subscribe(
      { query: print(LiveEvents), variables: { id: c.id } },
      { next: (r) => (r.errors ? (failure = r.errors) : received++), error: (e) => (failure = e), complete: () => (failure ??= "completed") },
    );
    await listening(server.app, organizationId);

    const heap: Record<number, number> = {};
    for (let version = 2; version <= LIVE_LATE + 1; version += BATCH) {
      const rows = await prisma.connectorEvent.findMany({ where: { connectorId: c.id, version: { gte: version, lt: version + BATCH } }, orderBy: { seq: "asc" } });
      for (const row of rows) publishConnectorEvent(server.app.services.pubsub, row);
      const deadline = Date.now() + WAIT_MS;
      while (received < version - 2 + rows.length) {
        if (failure || Date.now() > deadline) throw new Error(`${received} events arrived: ${JSON.stringify(failure)}`);
        await new Promise((r) => setTimeout(r, 5));
      }
      if (received === LIVE_EARLY || received === LIVE_LATE) heap[received] = heapAfterGc();
    }
    const growth = heap[LIVE_LATE] - heap[LIVE_EARLY];
    const report = `heap ${(heap[LIVE_EARLY] / 1e6).toFixed(1)} MB at ${LIVE_EARLY} events, ${(heap[LIVE_LATE] / 1e6).toFixed(1)} MB at ${LIVE_LATE}`;
    expect(growth, report).toBeLessThan(GROWTH_BOUND);
  });
});
