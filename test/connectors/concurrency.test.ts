import { describe, expect, it } from "vitest";
import { prisma } from "../helpers/database.js";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { connectors, member } from "./api.js";

// Optimistic concurrency on `version`: parallel changes to one connector either win (one version and
// one event each) or see the state the winners left (InvalidStateError). Nothing is lost or doubled.
describe("concurrent changes to one connector", async () => {
  const server = await startServer();

  it("serializes 10 connects and 10 disconnects into one gapless trail", async () => {
    const { alice } = await team();
    const api = connectors(server.as(alice.key));
    const c = await api.created({ presetSlug: "github" });
    member(await api.connect({ id: c.id, accessToken: "first" }), "ConnectConnectorSuccess");

    const calls = Array.from({ length: 20 }, (_, i) =>
      i % 2 ? api.disconnect(c.id, `stop ${i}`) : api.connect({ id: c.id, accessToken: `token ${i}` }),
    );
    const results = await Promise.all(calls);
    const wins = results.flatMap((r) => ("connector" in r ? [r.connector] : []));
    expect(wins.length).toBeGreaterThan(0);
    for (const r of results) expect(r.__typename).toMatch(/^(ConnectConnectorSuccess|DisconnectConnectorSuccess|InvalidStateError)$/);

    // each success holds its own version, and the versions after the setup are 3, 4, … without gaps
    const versions = wins.map((w) => w.version).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: wins.length }, (_, i) => i + 3));

    const events = await prisma.connectorEvent.findMany({ where: { connectorId: c.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.version)).toEqual(Array.from({ length: wins.length + 2 }, (_, i) => i + 1));
    // a chain: each event starts where the previous one ended
    for (let i = 1; i < events.length; i++) expect(events[i].previousState).toBe(events[i - 1].state);

    const row = await prisma.connector.findUniqueOrThrow({ where: { id: c.id } });
    const last = events.at(-1)!;
    expect(row).toMatchObject({ version: last.version, state: last.state });
    // the credentials agree with the state the last winner left
    expect(row.credentialsEnc === null).toBe(row.state === "DISCONNECTED");
  });
});
