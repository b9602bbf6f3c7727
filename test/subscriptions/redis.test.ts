import { Redis } from "ioredis";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { connectors } from "../connectors/api.js";
import { graphql } from "../gql/index.js";
import { team } from "../helpers/fixtures.js";
import { ok } from "../helpers/graphql.js";
import { startServer } from "../helpers/server.js";
import { closeAll, listening, subscribeSse, subscribeWs, wsClient } from "../helpers/subscriptions.js";
import { Events, StateChanged } from "./documents.js";

const redisUrl = process.env.TEST_REDIS_URL;

const Viewer = graphql(`
  query SubscriptionRedisViewer { viewer { role } }
`);

// Two instances, each with its own event bus on Redis, sharing one database (PostgreSQL under
// `npm run test:pg`; on PGlite the process's one in-memory database).
describe.skipIf(!redisUrl)("subscriptions across instances (Redis)", async () => {
  const a = await startServer({ app: { redisUrl } });
  const b = await startServer({ app: { redisUrl } });
  const admin = new Redis(redisUrl!);
  afterAll(() => admin.quit());
  afterEach(closeAll);

  it("delivers a change made on one instance to subscribers on the other", async () => {
    const { alice, organizationId } = await team();
    const api = connectors(a.as(alice.key));
    const c = await api.created({ presetSlug: "github" });
    const state = subscribeWs(wsClient(b.url, alice.key), StateChanged, { id: c.id });
    const events = subscribeSse(b.url, alice.key, Events, { id: c.id });
    expect((await state.next()).connectorStateChanged.version).toBe(1);
    await listening(b.app, organizationId, 2);

    await api.update({ id: c.id, name: "Changed on A" });
    expect((await state.next()).connectorStateChanged).toMatchObject({ name: "Changed on A", version: 2 });
    expect((await events.next()).connectorEvents).toMatchObject({ kind: "UPDATED", version: 2 });
  });

  it("keeps serving while Redis drops its subscriber connections, and catches subscribers up", async () => {
    const { alice, organizationId } = await team();
    const api = connectors(a.as(alice.key));
    const c = await api.created({ presetSlug: "github" });
    const state = subscribeWs(wsClient(b.url, alice.key), StateChanged, { id: c.id });
    const events = subscribeWs(wsClient(b.url, alice.key), Events, { id: c.id });
    await state.next();
    await listening(b.app, organizationId, 2);

    // cut every subscribed connection; a change made right away may be published while B is away
    await admin.client("KILL", "TYPE", "pubsub");
    await api.update({ id: c.id, name: "During the drop" });
    expect(ok(await b.as(alice.key).run(Viewer)).viewer.role).toBe("ADMIN");

    expect((await state.next()).connectorStateChanged).toMatchObject({ name: "During the drop", version: 2 });
    expect((await events.next()).connectorEvents).toMatchObject({ kind: "UPDATED", version: 2 });
    await api.update({ id: c.id, name: "After the drop" });
    expect((await state.next()).connectorStateChanged.version).toBe(3);
    expect((await events.next()).connectorEvents.version).toBe(3);
  });
});
