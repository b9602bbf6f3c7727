import { describe, expect, it } from "vitest";
import { connector, team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { startReceiver } from "./receiver.js";
import { deliveries, FAST, registered, rename, settled, verifies } from "./setup.js";

describe("the delivery queue is durable", () => {
  it("a delivery queued on a server that stopped is sent by the next one on the same database", async () => {
    // the first server queues but does not send (its worker is off), as if it stopped right after commit
    const first = await startServer({ app: { config: { webhooks: FAST }, webhooks: { enabled: false } } });
    const { organizationId, alice } = await team();
    const c = await connector(organizationId);
    const receiver = await startReceiver();
    const { webhook, secret } = await registered(first, alice, { url: receiver.url, variables: { id: c.id } });
    await rename(first, alice, c.id, "Before the restart");
    const [queued] = await deliveries(first, alice, webhook.id);
    expect(queued).toMatchObject({ status: "PENDING", attempts: 0 });
    await first.stop();

    const second = await startServer({ app: { config: { webhooks: FAST }, webhooks: { enabled: true } } });
    const [d] = await settled(second, alice, webhook.id, 1);
    expect(d).toMatchObject({ id: queued.id, status: "DELIVERED", attempts: 1 });
    expect(receiver.received).toHaveLength(1);
    expect(verifies(secret, receiver.received[0])).toBe(true);
    expect(receiver.received[0].json).toMatchObject({ data: { connectorEvents: { kind: "UPDATED", connector: { name: "Before the restart" } } } });
  });
});

describe("several instances on one database", () => {
  it("attempt each delivery once: the lease keeps it to one of them", async () => {
    const servers = await Promise.all([0, 1, 2].map(() => startServer({ app: { config: { webhooks: FAST }, webhooks: { enabled: true } } })));
    const { organizationId, alice } = await team();
    const receiver = await startReceiver();
    const { webhook } = await registered(servers[0], alice, { url: receiver.url });
    const connectors = await Promise.all([0, 1, 2, 3, 4, 5].map(() => connector(organizationId)));
    await Promise.all(connectors.map((c, i) => rename(servers[i % 3], alice, c.id, `Renamed ${i}`)));
    const all = await settled(servers[1], alice, webhook.id, connectors.length);
    expect(all.every((d) => d.status === "DELIVERED" && d.attempts === 1)).toBe(true);
    const ids = receiver.received.map((r) => r.headers["webhook-id"]);
    expect(ids.sort()).toEqual(all.map((d) => d.id).sort());
  });
});
