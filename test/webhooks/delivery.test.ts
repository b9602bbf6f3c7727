import { describe, expect, it } from "vitest";
import { connector, team } from "../helpers/fixtures.js";
import { ok } from "../helpers/graphql.js";
import { startServer } from "../helpers/server.js";
import { RotateWebhookSecret, SendTestWebhookEvent, Webhooks } from "./documents.js";
import { startReceiver } from "./receiver.js";
import { deliveries, FAST, readmeVerify, registered, rename, settled, verifies } from "./setup.js";

describe("webhook deliveries", async () => {
  const server = await startServer({ app: { config: { webhooks: FAST }, webhooks: { enabled: true } } });

  it("delivers each event as the document's result, signed with the secret shown once", async () => {
    const { organizationId, alice } = await team();
    const c = await connector(organizationId);
    const receiver = await startReceiver();
    const { webhook, secret } = await registered(server, alice, { url: receiver.url, variables: { id: c.id } });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    await rename(server, alice, c.id, "Renamed for the webhook");
    const [d] = await settled(server, alice, webhook.id, 1);
    expect(d).toMatchObject({ status: "DELIVERED", attempts: 1, lastStatusCode: 200, lastError: null, test: false, connectorId: c.id, nextAttemptAt: null });
    expect(d.deliveredAt).not.toBeNull();

    const [r] = receiver.received;
    // exactly the document's selection, in its order
    expect(r.body).toBe(JSON.stringify({ data: { connectorEvents: { kind: "UPDATED", connectorId: c.id, connector: { name: "Renamed for the webhook" } } } }));
    expect(r.headers["content-type"]).toBe("application/json");
    expect(r.headers["webhook-id"]).toBe(d.id);
    expect(Math.abs(Number(r.headers["webhook-timestamp"]) - Date.now() / 1000)).toBeLessThan(300);
    expect(verifies(secret, r)).toBe(true);
    const other = ok(await server.as(alice.key).run(RotateWebhookSecret, { input: { id: webhook.id } })).rotateWebhookSecret;
    if (other.__typename !== "RotateWebhookSecretSuccess") throw new Error(other.__typename);
    expect(other.secret).not.toBe(secret);
    expect(verifies(other.secret, r)).toBe(false);
    // a body changed on the way no longer verifies
    expect(verifies(secret, { ...r, body: r.body.replace("Renamed", "Changed") })).toBe(false);
    // the README's snippet agrees, and refuses a replay outside its window
    const verify = readmeVerify();
    expect(verify(secret, r.headers, r.body)).toBe(true);
    expect(verify(other.secret, r.headers, r.body)).toBe(false);
    expect(verify(secret, r.headers, r.body, -1)).toBe(false);

    // the next delivery is signed with the new secret
    await rename(server, alice, c.id, "Again");
    await settled(server, alice, webhook.id, 2);
    expect(verifies(other.secret, receiver.received[1])).toBe(true);
    expect(verifies(secret, receiver.received[1])).toBe(false);

    // the secret is in no log line and in no other answer of the API
    const listed = JSON.stringify(await server.as(alice.key).run(Webhooks, { first: 10 }));
    for (const s of [secret, other.secret]) {
      expect(server.logs.join("\n")).not.toContain(s);
      expect(server.logs.join("\n")).not.toContain(s.slice("whsec_".length));
      expect(listed).not.toContain(s);
    }
  });

  it("retries with backoff: 500 twice, then 200 is three attempts of one delivery, in order", async () => {
    const { organizationId, alice } = await team();
    const c = await connector(organizationId);
    const receiver = await startReceiver((n) => (n < 2 ? 500 : 200));
    const { webhook, secret } = await registered(server, alice, { url: receiver.url, variables: { id: c.id } });
    await rename(server, alice, c.id, "Retried");
    const [d] = await settled(server, alice, webhook.id, 1);
    expect(d).toMatchObject({ status: "DELIVERED", attempts: 3, lastStatusCode: 200, lastError: null });
    expect(d.attemptHistory).toEqual([
      { statusCode: 500, error: "the receiver answered 500" },
      { statusCode: 500, error: "the receiver answered 500" },
      { statusCode: 200, error: null },
    ]);
    expect(receiver.received.map((r) => r.headers["webhook-id"])).toEqual([d.id, d.id, d.id]);
    expect(receiver.received.every((r) => verifies(secret, r) && r.body === receiver.received[0].body)).toBe(true);
    // the receiver's own text is not kept
    expect(JSON.stringify(d)).not.toContain("receiver's own text");
  });

  it("is EXHAUSTED after WEBHOOK_MAX_ATTEMPTS failures, and not retried again", async () => {
    const { organizationId, alice } = await team();
    const c = await connector(organizationId);
    const receiver = await startReceiver(() => 503);
    const { webhook } = await registered(server, alice, { url: receiver.url, variables: { id: c.id } });
    await rename(server, alice, c.id, "Never taken");
    const [d] = await settled(server, alice, webhook.id, 1);
    expect(d).toMatchObject({ status: "EXHAUSTED", attempts: FAST.maxAttempts, lastStatusCode: 503, nextAttemptAt: null, deliveredAt: null });
    expect(d.lastError).toBe("the receiver answered 503");
    expect(receiver.received).toHaveLength(FAST.maxAttempts);
    expect((await deliveries(server, alice, webhook.id, ["EXHAUSTED"])).map((x) => x.id)).toEqual([d.id]);
    expect(await deliveries(server, alice, webhook.id, ["PENDING", "FAILED"])).toEqual([]);
  });

  it("keeps a connector's events in order: the next waits until the one before is delivered", async () => {
    const { organizationId, alice } = await team();
    const c = await connector(organizationId);
    // the first event is refused once, then answered slowly
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const receiver = await startReceiver(async (n) => {
      if (n === 0) return 500;
      if (n === 1) {
        setTimeout(release, 200);
        await slow;
      }
      return 200;
    });
    const { webhook } = await registered(server, alice, { url: receiver.url, variables: { id: c.id } });
    await rename(server, alice, c.id, "First");
    await rename(server, alice, c.id, "Second");
    await rename(server, alice, c.id, "Third");
    const all = await settled(server, alice, webhook.id, 3);
    const [third, second, first] = all; // newest first
    expect(all.every((d) => d.status === "DELIVERED")).toBe(true);
    expect(receiver.log).toEqual([
      `start ${first.id}`,
      `end ${first.id} 500`,
      `start ${first.id}`,
      `end ${first.id} 200`,
      `start ${second.id}`,
      `end ${second.id} 200`,
      `start ${third.id}`,
      `end ${third.id} 200`,
    ]);
  });

  it("sendTestWebhookEvent delivers a made-up event shaped by the document, marked as a test", async () => {
    const { alice } = await team();
    const receiver = await startReceiver();
    const { webhook, secret } = await registered(server, alice, {
      url: receiver.url,
      document: "subscription { connectorEvents { kind state previousState connector { id } } }",
    });
    const r = ok(await server.as(alice.key).run(SendTestWebhookEvent, { input: { id: webhook.id } })).sendTestWebhookEvent;
    if (r.__typename !== "SendTestWebhookEventSuccess") throw new Error(r.__typename);
    expect(r.delivery).toMatchObject({ test: true, status: "PENDING" });
    const [d] = await settled(server, alice, webhook.id, 1);
    expect(d).toMatchObject({ id: r.delivery.id, test: true, status: "DELIVERED", eventId: null });
    const [got] = receiver.received;
    expect(got.json).toEqual({ data: { connectorEvents: { kind: "UPDATED", state: "CONNECTED", previousState: "CONNECTED", connector: null } } });
    expect(got.headers["plugboard-test-event"]).toBe("true");
    expect(verifies(secret, got)).toBe(true);
  });

  it("sends nothing for events of other organizations, and the document's filter decides (SKIPPED)", async () => {
    const { organizationId, alice } = await team();
    const other = await team();
    const receiver = await startReceiver();
    const { webhook } = await registered(server, alice, {
      url: receiver.url,
      document: `subscription { connectorEvents(filter: { type: ["github"] }) { kind connectorId } }`,
    });
    const github = await connector(organizationId, { presetSlug: "github" });
    const custom = await connector(organizationId, { presetSlug: null });
    const elsewhere = await connector(other.organizationId);
    await rename(server, other.alice, elsewhere.id, "Not ours");
    await rename(server, alice, custom.id, "Not a github one");
    await rename(server, alice, github.id, "A github one");
    const all = await settled(server, alice, webhook.id, 2);
    expect(all.map((d) => [d.connectorId, d.status])).toEqual([
      [github.id, "DELIVERED"],
      [custom.id, "SKIPPED"],
    ]);
    expect(all[1].lastError).toBe("not sent: the event does not match the document's arguments");
    expect(all[1].attempts).toBe(0);
    expect(receiver.received.map((r) => r.json)).toEqual([{ data: { connectorEvents: { kind: "UPDATED", connectorId: github.id } } }]);
  });
});
