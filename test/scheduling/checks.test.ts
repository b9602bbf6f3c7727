import { afterAll, describe, expect, it, vi } from "vitest";
import { newId } from "../../src/db/ids.js";
import { checkDueHealth, createHealthChecker, syncDueTools } from "../../src/scheduling/checks.js";
import { connectors, member } from "../connectors/api.js";
import { prisma } from "../helpers/database.js";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { personalConfigurations } from "../personal-configurations/api.js";
import { type McpTestServer, startMcp, tool } from "../servers/mcp-servers.js";

const TOKEN = "health-token-0123456789";
// a lease of about a millisecond: each pass of a test may claim again what the one before checked
const EVERY_PASS = { intervalMs: 1 };

describe("the periodic health checks and tool sync", async () => {
  const server = await startServer();
  const services = server.app.services;
  const { alice } = await team();
  const api = connectors(server.as(alice.key));
  const servers: McpTestServer[] = [];
  afterAll(() => Promise.all(servers.map((s) => s.stop())));

  async function mcpServer(options: Parameters<typeof startMcp>[0] = {}) {
    const s = await startMcp({ auth: { bearer: TOKEN }, ...options });
    servers.push(s);
    return s;
  }

  /** A custom connector CONNECTED to a server of its own (connect lists its tools with the token). */
  async function connected(mcp?: McpTestServer) {
    const upstream = mcp ?? (await mcpServer());
    const c = await api.created({ url: upstream.url });
    member(await api.connect({ id: c.id, accessToken: TOKEN }), "ConnectConnectorSuccess");
    return { id: c.id, mcp: upstream };
  }

  const rpcs = (mcp: McpTestServer, rpc: string, since = 0) => mcp.seen.slice(since).filter((s) => s.rpc === rpc);
  const history = async (id: string) => (await api.history(id))!;

  it("records lastError after the first failed check, ERROR after HEALTH_FAILURES (2), and CONNECTED again once a server answers at the URL", async () => {
    const { id, mcp } = await connected();
    const port = Number(new URL(mcp.url).port);
    await mcp.stop();

    // the mutation and the periodic check record the same way
    const e = member(await api.health(id), "UpstreamError");
    expect(await history(id)).toMatchObject({ state: "CONNECTED", lastError: e.message, version: 3 });
    await checkDueHealth(services, EVERY_PASS);
    expect(await history(id)).toMatchObject({ state: "ERROR", statusReason: e.message, lastError: e.message, version: 4 });
    await checkDueHealth(services, EVERY_PASS);
    expect((await history(id)).version).toBe(4); // the same failure again is not news

    await mcpServer({ port });
    await checkDueHealth(services, EVERY_PASS);
    const back = await history(id);
    expect(back).toMatchObject({ state: "CONNECTED", statusReason: null, lastError: null, version: 5 });
    expect(back.events.edges[0].node).toMatchObject({ kind: "STATE_CHANGED", previousState: "ERROR", state: "CONNECTED", actor: null });
  });

  it("moves a connector whose server refuses its token to AUTH_FAILED, and checks it no more", async () => {
    const { id, mcp } = await connected();
    mcp.rotateToken("another-token-0123456789");
    await checkDueHealth(services, EVERY_PASS);
    expect(await history(id)).toMatchObject({ state: "AUTH_FAILED", statusReason: "The server refused the credentials (HTTP 401: invalid_token)" });
    const seen = mcp.seen.length;
    await checkDueHealth(services, EVERY_PASS);
    expect(mcp.seen.length).toBe(seen);
  });

  it("checks enabled personal configurations, not disabled ones", async () => {
    const mcp = await mcpServer();
    const slug = `local-${newId("pset").slice(-8)}`;
    await prisma.preset.create({ data: { id: newId("pset"), slug, name: "Local", mcpUrl: mcp.url, authType: "API_TOKEN", oauthScopes: [] } });
    const pconfs = personalConfigurations(server.as(alice.key));
    const create = async (enabled: boolean) =>
      member(await pconfs.create({ presetSlug: slug, name: "Mine", configuration: {}, credentials: { apiKey: TOKEN }, enabled }), "CreatePersonalConfigurationSuccess").personalConfiguration.id;
    const [on, off] = [await create(true), await create(false)];

    await checkDueHealth(services, EVERY_PASS);
    expect(await prisma.personalConfiguration.findUniqueOrThrow({ where: { id: on } })).toMatchObject({ healthStatus: "HEALTHY", lastError: null, version: 2 });
    expect(await prisma.personalConfiguration.findUniqueOrThrow({ where: { id: off } })).toMatchObject({ healthStatus: "UNKNOWN", lastSyncAt: null, version: 1 });
  });

  it("picks up a tool added upstream on the periodic sync, held for review since it came after the first discovery", async () => {
    const { id, mcp } = await connected();
    // no list_changed notice: only the periodic sync can find it
    await mcp.setTools([tool("echo"), tool("added")], false);
    await syncDueTools(services, EVERY_PASS);
    const after = await history(id);
    expect(after.tools).toEqual([
      expect.objectContaining({ name: "echo", pendingReview: false }),
      expect.objectContaining({ name: "added", pendingReview: true }),
    ]);
    expect(after.events.edges[0].node.kind).toBe("TOOLS_CHANGED");
  });

  it("finishes a pass in flight when the checker stops", async () => {
    const { id } = await connected();
    const before = Date.parse((await history(id)).lastSyncAt!);
    const checker = createHealthChecker(services, EVERY_PASS);
    const pass = checker.runNow();
    await checker.stop();
    expect(Date.parse((await history(id)).lastSyncAt!)).toBeGreaterThan(before);
    expect((await pass).crashed).toBe(0);
  });

  it("checks and syncs each connector once per interval across two instances on one database, quietly", async () => {
    const { id, mcp } = await connected();
    const other = await startServer();
    const before = await history(id);
    const [pings, lists] = [rpcs(mcp, "ping").length, rpcs(mcp, "tools/list").length];
    const hour = { intervalMs: 3_600_000 };

    await Promise.all([checkDueHealth(services, hour), checkDueHealth(other.app.services, hour)]);
    await Promise.all([syncDueTools(services, hour), syncDueTools(other.app.services, hour)]);
    expect(rpcs(mcp, "ping").length).toBe(pings + 1);
    expect(rpcs(mcp, "tools/list").length).toBe(lists + 1);
    // within the interval the leases hold, whichever instance asks
    await Promise.all([checkDueHealth(other.app.services, hour), syncDueTools(other.app.services, hour)]);
    expect(rpcs(mcp, "ping").length).toBe(pings + 1);
    expect(rpcs(mcp, "tools/list").length).toBe(lists + 1);

    // nothing anyone sees changed: leases and lastSyncAt write no version, event or updatedAt
    const after = await history(id);
    expect(after).toMatchObject({ version: before.version, updatedAt: before.updatedAt, state: "CONNECTED" });
    expect(after.events.totalCount).toBe(before.events.totalCount);
  });

  it("on short timers, two instances look at a connector once per interval, not once each", async () => {
    const interval = 1_000;
    const { id, mcp } = await connected();
    const since = mcp.seen.length;
    const app = { health: { intervalMs: interval }, sync: { intervalMs: interval } };
    const instances = [await startServer({ app }), await startServer({ app })];
    try {
      await vi.waitFor(
        () => {
          expect(rpcs(mcp, "ping", since).length).toBeGreaterThanOrEqual(4);
          expect(rpcs(mcp, "tools/list", since).length).toBeGreaterThanOrEqual(4);
        },
        { timeout: 30_000, interval: 100 },
      );
    } finally {
      await Promise.all(instances.map((s) => s.stop()));
    }
    // Without the leases each instance's timer would look too, and of every two looks one pair
    // would be at most half an interval apart.
    for (const rpc of ["ping", "tools/list"]) {
      const at = rpcs(mcp, rpc, since).map((s) => s.at!);
      const gaps = at.slice(1).map((t, i) => t - at[i]);
      expect(Math.min(...gaps), `${rpc} at ${JSON.stringify(gaps)}`).toBeGreaterThan(interval / 2);
    }
    expect((await history(id)).state).toBe("CONNECTED");
  });
});
