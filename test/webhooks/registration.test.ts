import { describe, expect, it } from "vitest";
import { connector, team } from "../helpers/fixtures.js";
import { ok } from "../helpers/graphql.js";
import { startServer } from "../helpers/server.js";
import { CreateWebhook, DeleteWebhook, RotateWebhookSecret, SendTestWebhookEvent, UpdateWebhook, Webhooks } from "./documents.js";
import { EVENT_DOCUMENT, FAST, registered } from "./setup.js";

const URL_OK = "https://hooks.example.test/plugboard";

describe("registering webhooks", async () => {
  // no worker: nothing here is meant to be sent
  const server = await startServer({ app: { config: { webhooks: FAST }, webhooks: { enabled: false } } });

  const create = async (key: string, input: { url?: string; document?: string; variables?: Record<string, unknown>; description?: string }) =>
    ok(await server.as(key).run(CreateWebhook, { input: { url: URL_OK, document: EVENT_DOCUMENT, ...input } })).createWebhook;

  it.each([
    ["a syntax error", "subscription { connectorEvents {", "document: Syntax Error: Expected Name, found <EOF>."],
    ["an unknown field", "subscription { connectorEvents { nope } }", 'document: Cannot query field "nope" on type "ConnectorEvent".'],
    ["a query", "query { connectors { totalCount } }", "document: must be a subscription (this is a query)"],
    ["another root field", 'subscription { connectorStateChanged(id: "conn_x") { id } }', "document: its only root field must be connectorEvents (no fragment, no other field)"],
    [
      "two operations",
      "subscription A { connectorEvents { kind } } subscription B { connectorEvents { kind } }",
      "document: must hold exactly one operation",
    ],
    ["a replay", 'subscription { connectorEvents(after: "evt_x") { kind } }', "document: a webhook receives events as they happen: `after` is not accepted"],
  ])("refuses a document with %s, with the GraphQL error text", async (_what, document, message) => {
    const { alice } = await team();
    const r = await create(alice.key, { document });
    expect(r).toMatchObject({ __typename: "ValidationError", message });
    if (r.__typename === "ValidationError") expect(r.fieldErrors[0].path).toEqual(["input", "document"]);
  });

  it("coerces the variables against the operation", async () => {
    const { alice } = await team();
    const r = await create(alice.key, { document: "subscription($f: ConnectorFilter!) { connectorEvents(filter: $f) { kind } }", variables: { f: { scope: "NOPE" } } });
    expect(r.__typename).toBe("ValidationError");
    if (r.__typename === "ValidationError") {
      expect(r.message).toMatch(/^variables: Variable "\$f" got invalid value "NOPE" at "f.scope"/);
      expect(r.fieldErrors[0].path).toEqual(["input", "variables"]);
    }
    const missing = await create(alice.key, { document: "subscription($f: ConnectorFilter!) { connectorEvents(filter: $f) { kind } }" });
    expect(missing).toMatchObject({ __typename: "ValidationError", message: 'variables: Variable "$f" of required type "ConnectorFilter!" was not provided.' });
  });

  it("refuses a connector the principal cannot see as nonexistent", async () => {
    const { alice } = await team();
    const other = await team();
    const theirs = await connector(other.organizationId);
    const r = await create(alice.key, { variables: { id: theirs.id } });
    expect(r).toMatchObject({ __typename: "NotFoundError", message: `No connector with id ${theirs.id}` });
  });

  it.each([
    ["plain http to a public host", "http://hooks.example.test/x", "url must be https (plain http only to a host EGRESS_ALLOWLIST names)"],
    ["credentials", "https://user:pw@hooks.example.test/x", "url must not hold credentials: the signature authenticates deliveries"],
    ["another scheme", "ftp://hooks.example.test/x", "url must be https"],
    ["no URL", "hooks.example.test", "url is not a URL"],
    ["a long URL", `https://hooks.example.test/${"a".repeat(2100)}`, "url may be at most 2048 characters"],
  ])("refuses a URL with %s", async (_what, url, message) => {
    const { alice } = await team();
    expect(await create(alice.key, { url })).toMatchObject({ __typename: "ValidationError", message });
  });

  it("accepts plain http to an allowlisted loopback host", async () => {
    const { alice } = await team();
    expect((await create(alice.key, { url: "http://127.0.0.1:9/hook" })).__typename).toBe("CreateWebhookSuccess");
  });

  it("is for ADMINs: a MEMBER gets the typed refusal, and FORBIDDEN for the list", async () => {
    const { alice, bob } = await team();
    const { webhook } = await registered(server, alice, { url: URL_OK });
    expect(await create(bob.key, {})).toMatchObject({ __typename: "ForbiddenError", message: "Only an ADMIN can manage webhooks" });
    const as = server.as(bob.key);
    for (const r of [
      ok(await as.run(UpdateWebhook, { input: { id: webhook.id, enabled: false } })).updateWebhook,
      ok(await as.run(DeleteWebhook, { input: { id: webhook.id } })).deleteWebhook,
      ok(await as.run(RotateWebhookSecret, { input: { id: webhook.id } })).rotateWebhookSecret,
      ok(await as.run(SendTestWebhookEvent, { input: { id: webhook.id } })).sendTestWebhookEvent,
    ]) {
      expect(r.__typename).toBe("ForbiddenError");
    }
    const list = await as.run(Webhooks, {});
    expect(list.errors?.[0]).toMatchObject({ message: "Only an ADMIN can manage webhooks", extensions: { code: "FORBIDDEN" } });
    const node = await as.raw("query($id: ID!) { node(id: $id) { id } }", { id: webhook.id });
    expect(node.data.node).toBeNull();
  });

  it("treats another organization's webhook as nonexistent", async () => {
    const { alice } = await team();
    const other = await team();
    const { webhook } = await registered(server, other.alice, { url: URL_OK });
    const as = server.as(alice.key);
    const notFound = { __typename: "NotFoundError", message: `No webhook with id ${webhook.id}` };
    expect(ok(await as.run(UpdateWebhook, { input: { id: webhook.id, enabled: false } })).updateWebhook).toMatchObject(notFound);
    expect(ok(await as.run(DeleteWebhook, { input: { id: webhook.id } })).deleteWebhook).toMatchObject(notFound);
    expect(ok(await as.run(RotateWebhookSecret, { input: { id: webhook.id } })).rotateWebhookSecret).toMatchObject(notFound);
    expect(ok(await as.run(SendTestWebhookEvent, { input: { id: webhook.id } })).sendTestWebhookEvent).toMatchObject(notFound);
    expect(ok(await as.run(UpdateWebhook, { input: { id: "hook_nonsense", enabled: false } })).updateWebhook.__typename).toBe("NotFoundError");
    const nodes = await as.raw("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", { ids: [webhook.id] });
    expect(nodes.data.nodes).toEqual([null]);
    expect(ok(await as.run(Webhooks, {})).webhooks.totalCount).toBe(0);
  });

  it("lists, loads, updates and deletes; ids are prefixed and load through node", async () => {
    const { alice } = await team();
    const a = await registered(server, alice, { url: URL_OK });
    const b = await registered(server, alice, { url: `${URL_OK}/b` });
    expect(a.webhook.id).toMatch(/^hook_/);
    const as = server.as(alice.key);
    const page = ok(await as.run(Webhooks, { first: 1 })).webhooks;
    expect(page).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true }, nodes: [{ id: b.webhook.id }] });
    const next = ok(await as.run(Webhooks, { first: 1, after: page.pageInfo.endCursor })).webhooks;
    expect(next.nodes.map((n) => n.id)).toEqual([a.webhook.id]);
    const loaded = await as.raw("query($id: ID!) { node(id: $id) { __typename id ... on Webhook { url } } }", { id: a.webhook.id });
    expect(loaded.data.node).toEqual({ __typename: "Webhook", id: a.webhook.id, url: URL_OK });

    const updated = ok(await as.run(UpdateWebhook, { input: { id: a.webhook.id, enabled: false, description: "off for now", url: `${URL_OK}/new` } })).updateWebhook;
    expect(updated).toMatchObject({ __typename: "UpdateWebhookSuccess", webhook: { enabled: false, description: "off for now", url: `${URL_OK}/new` } });
    const bad = ok(await as.run(UpdateWebhook, { input: { id: a.webhook.id, document: "query { viewer { id } }" } })).updateWebhook;
    expect(bad.__typename).toBe("ValidationError");

    expect(ok(await as.run(DeleteWebhook, { input: { id: a.webhook.id } })).deleteWebhook).toEqual({ __typename: "DeleteWebhookSuccess", deletedId: a.webhook.id });
    expect(ok(await as.run(Webhooks, {})).webhooks.nodes.map((n) => n.id)).toEqual([b.webhook.id]);
  });

  it("a test delivery is a Node too (whd_), for ADMINs of the organization only", async () => {
    const { alice, bob } = await team();
    const { webhook } = await registered(server, alice, { url: URL_OK });
    const r = ok(await server.as(alice.key).run(SendTestWebhookEvent, { input: { id: webhook.id } })).sendTestWebhookEvent;
    if (r.__typename !== "SendTestWebhookEventSuccess") throw new Error(r.__typename);
    expect(r.delivery.id).toMatch(/^whd_/);
    const q = "query($id: ID!) { node(id: $id) { __typename id ... on WebhookDelivery { status test webhook { id } } } }";
    expect((await server.as(alice.key).raw(q, { id: r.delivery.id })).data.node).toEqual({
      __typename: "WebhookDelivery",
      id: r.delivery.id,
      status: "PENDING",
      test: true,
      webhook: { id: webhook.id },
    });
    expect((await server.as(bob.key).raw(q, { id: r.delivery.id })).data.node).toBeNull();
  });
});
