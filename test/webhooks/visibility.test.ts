import { describe, expect, it } from "vitest";
import { connector, team } from "../helpers/fixtures.js";
import { prisma } from "../helpers/database.js";
import { ok } from "../helpers/graphql.js";
import { startServer } from "../helpers/server.js";
import { UpdateWebhook } from "./documents.js";
import { startReceiver } from "./receiver.js";
import { deliveries, FAST, registered, rename, settled } from "./setup.js";

const ALL = "subscription { connectorEvents { connectorId kind connector { id scope } } }";

describe("what a webhook sees: its registering principal's connectors", async () => {
  const server = await startServer({ app: { config: { webhooks: FAST }, webhooks: { enabled: true } } });

  it("delivers TEAM connectors and the principal's own PERSONAL ones, never another person's", async () => {
    const { organizationId, alice, bob } = await team();
    const receiver = await startReceiver();
    const { webhook } = await registered(server, alice, { url: receiver.url, document: ALL });
    const bobs = await connector(organizationId, { scope: "PERSONAL", createdById: bob.userId });
    const alices = await connector(organizationId, { scope: "PERSONAL", createdById: alice.userId });
    const shared = await connector(organizationId);
    await rename(server, bob, bobs.id, "Bob's own");
    await rename(server, alice, alices.id, "Alice's own");
    await rename(server, alice, shared.id, "Everyone's");
    const all = await settled(server, alice, webhook.id, 2);
    // no row at all for Bob's connector: a SKIPPED one would tell its id
    expect(all.map((d) => [d.connectorId, d.status])).toEqual([
      [shared.id, "DELIVERED"],
      [alices.id, "DELIVERED"],
    ]);
    expect(receiver.received.map((r) => r.json)).toEqual([
      { data: { connectorEvents: { connectorId: alices.id, kind: "UPDATED", connector: { id: alices.id, scope: "PERSONAL" } } } },
      { data: { connectorEvents: { connectorId: shared.id, kind: "UPDATED", connector: { id: shared.id, scope: "TEAM" } } } },
    ]);
  });

  it("an organization key's webhook sees the PERSONAL connectors that key owns", async () => {
    const { organizationId, orgKey, alice } = await team();
    const receiver = await startReceiver();
    const { webhook } = await registered(server, orgKey, { url: receiver.url, document: ALL });
    const keys = await connector(organizationId, { scope: "PERSONAL", ownerApiKeyId: orgKey.keyId });
    const alices = await connector(organizationId, { scope: "PERSONAL", createdById: alice.userId });
    await rename(server, alice, alices.id, "Alice's own");
    await rename(server, orgKey, keys.id, "The key's own");
    const all = await settled(server, orgKey, webhook.id, 1);
    expect(all.map((d) => d.connectorId)).toEqual([keys.id]);
  });

  it("skips deliveries, saying why, once the registering key is revoked", async () => {
    const { organizationId, alice, orgKey } = await team();
    const receiver = await startReceiver();
    const { webhook } = await registered(server, orgKey, { url: receiver.url, document: ALL });
    const c = await connector(organizationId);
    await prisma.apiKey.update({ where: { id: orgKey.keyId }, data: { revokedAt: new Date() } });
    await rename(server, alice, c.id, "After the revocation");
    const [d] = await settled(server, alice, webhook.id, 1);
    expect(d).toMatchObject({ status: "SKIPPED", attempts: 0, lastError: "not sent: the API key that registered this webhook was revoked" });
    expect(receiver.received).toEqual([]);
  });

  it("queues nothing for a disabled webhook", async () => {
    const { organizationId, alice } = await team();
    const receiver = await startReceiver();
    const { webhook } = await registered(server, alice, { url: receiver.url, document: ALL });
    const off = ok(await server.as(alice.key).run(UpdateWebhook, { input: { id: webhook.id, enabled: false } })).updateWebhook;
    expect(off.__typename).toBe("UpdateWebhookSuccess");
    const c = await connector(organizationId);
    await rename(server, alice, c.id, "While disabled");
    expect(await deliveries(server, alice, webhook.id)).toEqual([]);
  });
});
