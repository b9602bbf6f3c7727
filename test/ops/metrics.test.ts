import { afterEach, describe, expect, it } from "vitest";
import { agent, rpcError } from "../gateway/agent.js";
import { graphql } from "../gql/index.js";
import { connector } from "../helpers/fixtures.js";
import { graphqlClient, ok } from "../helpers/graphql.js";
import { createActor, startServer } from "../helpers/server.js";
import { closeAll, subscribeSse, subscribeWs, wsClient } from "../helpers/subscriptions.js";
import { parsePrometheus, scrape, valueOf } from "./prometheus.js";

const OpsConnector = graphql(`
  query OpsConnector($id: ID!) { connector(id: $id) { id state } }
`);
const OpsStateChanged = graphql(`
  subscription OpsStateChanged($id: ID!) { connectorStateChanged(id: $id) { id state } }
`);
const OpsCheckHealth = graphql(`
  mutation OpsCheckHealth($id: ID!) { checkConnectorHealth(id: $id) { __typename } }
`);

describe("/metrics", async () => {
  const server = await startServer();
  const token = "metrics-token-for-the-scraper-0123";
  const guarded = await startServer({ app: { config: { metricsToken: token } } });
  afterEach(closeAll);

  it("counts operations, errors, sockets, streams, subscriptions, connector states, tool calls and health checks after real traffic", async () => {
    const { key, organizationId } = await createActor();
    const connected = await connector(organizationId, { state: "CONNECTED" });
    await connector(organizationId, { state: "AUTH_REQUIRED" });
    const client = graphqlClient(server.url, key);
    ok(await client.run(OpsConnector, { id: connected.id }));
    ok(await client.run(OpsConnector, { id: "conn_nope" }));
    expect((await client.raw("query OpsBroken { nope }")).errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    await client.run(OpsCheckHealth, { id: connected.id });

    // a subscription that stays open on each transport, one that fails at once on graphql-ws
    const ws = subscribeWs(wsClient(server.url, key), OpsStateChanged, { id: connected.id });
    expect((await ws.next()).connectorStateChanged.id).toBe(connected.id);
    const sse = subscribeSse(server.url, key, OpsStateChanged, { id: connected.id });
    expect((await sse.next()).connectorStateChanged.id).toBe(connected.id);
    const missing = subscribeWs(wsClient(server.url, key), OpsStateChanged, { id: "conn_nope" });
    expect((await missing.result()).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");

    const a = await agent(`${server.url}/mcp`, key);
    expect((await rpcError(a.client.callTool({ name: "nohandle__nothing", arguments: {} }))).data?.reason).toBeDefined();

    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const m = parsePrometheus(await res.text());
    expect(valueOf(m, "plugboard_graphql_operations_total", { operation: "OpsConnector", type: "query", transport: "http" })).toBe(2);
    expect(valueOf(m, "plugboard_graphql_operation_duration_seconds_count", { operation: "OpsConnector" })).toBe(2);
    expect(valueOf(m, "plugboard_graphql_operations_total", { operation: "OpsCheckHealth", type: "mutation" })).toBe(1);
    expect(valueOf(m, "plugboard_graphql_errors_total", { operation: "OpsBroken", code: "GRAPHQL_VALIDATION_FAILED" })).toBe(1);
    expect(valueOf(m, "plugboard_graphql_errors_total", { operation: "OpsStateChanged", code: "NOT_FOUND" })).toBe(1);
    expect(valueOf(m, "plugboard_graphql_operations_total", { operation: "OpsStateChanged", transport: "ws" })).toBe(1); // the one that ended
    expect(valueOf(m, "plugboard_graphql_ws_sockets")).toBeGreaterThanOrEqual(1);
    expect(valueOf(m, "plugboard_sse_streams")).toBe(1);
    expect(valueOf(m, "plugboard_graphql_subscriptions", { transport: "ws" })).toBe(1);
    expect(valueOf(m, "plugboard_graphql_subscriptions", { transport: "sse" })).toBe(1);
    expect(valueOf(m, "plugboard_connectors", { state: "CONNECTED" })).toBeGreaterThanOrEqual(1);
    expect(valueOf(m, "plugboard_connectors", { state: "AUTH_REQUIRED" })).toBeGreaterThanOrEqual(1);
    expect(valueOf(m, "plugboard_tool_calls_total", { outcome: "REFUSED" })).toBe(1);
    expect(valueOf(m, "plugboard_tool_call_duration_seconds_count", { outcome: "REFUSED" })).toBe(1);
    expect(valueOf(m, "plugboard_health_checks_total", { subject: "connector" })).toBe(1);
    // the default process metrics, on the same registry
    expect(valueOf(m, "process_cpu_user_seconds_total")).toBeGreaterThan(0);
    expect(m.some((s) => s.name === "nodejs_eventloop_lag_seconds")).toBe(true);

    // the streams end: the gauges come back down
    sse.dispose();
    ws.dispose();
    await expect.poll(async () => valueOf(await scrape(server.url), "plugboard_sse_streams"), { timeout: 10_000 }).toBe(0);
    await expect.poll(async () => valueOf(await scrape(server.url), "plugboard_graphql_subscriptions"), { timeout: 10_000 }).toBe(0);
    closeAll();
    await expect.poll(async () => valueOf(await scrape(server.url), "plugboard_graphql_ws_sockets"), { timeout: 10_000 }).toBe(0);
  });

  it("keeps client-chosen operation names to a bounded set of label values", async () => {
    const { key } = await createActor();
    const client = graphqlClient(server.url, key);
    await client.raw(`query ${"L".repeat(300)} { __typename }`);
    await client.raw("{ __typename }");
    const m = await scrape(server.url);
    const names = new Set(m.filter((s) => s.name === "plugboard_graphql_operations_total").map((s) => s.labels.operation));
    expect(names).toContain("L".repeat(64));
    expect(names).toContain("anonymous");
    expect([...names].every((n) => n.length <= 64)).toBe(true);
  });

  it("asks for METRICS_TOKEN when it is set", async () => {
    expect((await fetch(`${guarded.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${guarded.url}/metrics`, { headers: { authorization: "Bearer not-the-token-at-all" } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const m = await scrape(guarded.url, token);
    expect(m.some((s) => s.name === "plugboard_graphql_operations_total" || s.name === "process_cpu_user_seconds_total")).toBe(true);
  });
});
