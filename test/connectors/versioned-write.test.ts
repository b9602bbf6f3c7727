// The one versioned write of a connector, called in-process through the domain layer (over HTTP,
// PGlite happens to serialize the requests, and the version check would never be put to work).
import { describe, expect, it } from "vitest";
import { changeConnector } from "../../src/connectors/change.js";
import { prisma } from "../helpers/database.js";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { connectors } from "./api.js";

const WRITERS = 20;

describe("the versioned write", async () => {
  const server = await startServer();

  // contention makes 20 writers take about 200 attempts in all: slow on a busy machine, never wrong
  it(`gives ${WRITERS} concurrent changes whose decide awaits ${WRITERS} distinct versions and a gapless trail`, { timeout: 120_000 }, async () => {
    const { alice } = await team();
    const c = await connectors(server.as(alice.key)).created({ presetSlug: "github", name: "Contended" });
    // the version each writer's latest decide saw: the one its write must have replaced
    const seen: number[] = [];
    let decisions = 0;

    const written = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) =>
        changeConnector(server.app.services, {
          id: c.id,
          actorId: alice.userId,
          decide: async (current) => {
            decisions++;
            seen[i] = current.version;
            // a decide that waits (on a timer, then on the database) lets every writer read the same row
            await new Promise((r) => setTimeout(r, 5));
            await prisma.connectorTool.count({ where: { connectorId: current.id } });
            return { data: { name: `Writer ${i}` } };
          },
        }),
      ),
    );

    expect(written.map((w) => w.version).sort((a, b) => a - b)).toEqual(Array.from({ length: WRITERS }, (_, i) => i + 2));
    written.forEach((w, i) => {
      expect(w.name).toBe(`Writer ${i}`);
      expect(seen[i], `writer ${i} wrote version ${w.version}`).toBe(w.version - 1);
    });
    // every writer but the first to land had to decide again at least once
    expect(decisions).toBeGreaterThan(WRITERS);

    const trail = await prisma.connectorEvent.findMany({ where: { connectorId: c.id }, orderBy: { seq: "asc" } });
    expect(trail.map((e) => e.version)).toEqual(Array.from({ length: WRITERS + 1 }, (_, i) => i + 1));
    expect(trail.slice(1).map((e) => [e.kind, e.previousState, e.state, e.actorId])).toEqual(
      trail.slice(1).map(() => ["UPDATED", "CREATED", "CREATED", alice.userId]),
    );
    const row = await prisma.connector.findUniqueOrThrow({ where: { id: c.id } });
    const last = written.find((w) => w.version === WRITERS + 1)!;
    expect(row).toMatchObject({ version: WRITERS + 1, name: last.name });
  });
});
