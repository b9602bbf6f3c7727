import { afterEach, describe, expect, it } from "vitest";
import { connectors } from "../connectors/api.js";
import { createEventBus } from "../../src/events/pubsub.js";
import { team } from "../helpers/fixtures.js";
import { ok } from "../helpers/graphql.js";
import { startServer } from "../helpers/server.js";
import { closeAll, subscribeSse, subscribeWs, wsClient } from "../helpers/subscriptions.js";
import { StateChanged } from "../subscriptions/documents.js";
import { agent, connected } from "../gateway/agent.js";
import { toolServer } from "../gateway/upstream.js";
import { Me, RevokeApiKey } from "./api.js";

describe("a key revoked through the API, on another instance", async () => {
  // a revocation travels on the event bus (Redis when the suite has one); nothing else would tell
  // these servers soon: they trust what they resolved for a minute and recheck a minute apart
  const redisUrl = process.env.TEST_REDIS_URL;
  const bus = redisUrl ? undefined : createEventBus();
  const slow = { config: { viewerCacheMs: 60_000 }, limits: { keyRecheckMs: 60_000 } };
  const one = await startServer({ app: { ...slow, pubsub: bus, redisUrl } });
  const other = await startServer({ app: { ...slow, pubsub: bus ? sharedBus(bus) : undefined, redisUrl } });
  const upstream = await toolServer();
  afterEach(closeAll);

  it("is refused at once there, its SSE streams, sockets and gateway sessions ended", async () => {
    const { alice, orgKey } = await team();
    const c = await connectors(other.as(orgKey.key)).created({ presetSlug: "github" });
    ok(await other.as(alice.key).run(Me)); // resolved, and trusted for a minute
    const sse = subscribeSse(other.url, alice.key, StateChanged, { id: c.id });
    await sse.next();
    const ws = subscribeWs(wsClient(other.url, alice.key), StateChanged, { id: c.id });
    await ws.next();
    const mcp = await connected(other.as(alice.key), upstream.url);
    const a = await agent(mcp.mcpEndpoint, alice.key);
    await a.client.callTool({ name: "read_ticket", arguments: {} });

    ok(await one.as(orgKey.key).run(RevokeApiKey, { id: alice.keyId }));

    expect((await sse.result()).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await ws.error()).toMatchObject({ code: 4403 });
    expect((await other.as(alice.key).run(Me)).status).toBe(401);
    await expect(a.client.callTool({ name: "read_ticket", arguments: {} })).rejects.toThrow(/401|invalid API key/i);
  });
});

/** The same in-memory bus for a second app, which must not close it for the first when it stops. */
function sharedBus(bus: ReturnType<typeof createEventBus>) {
  return { ...bus, close: async () => {} } as ReturnType<typeof createEventBus>;
}
