// B6: tools/call through /mcp/{connectorId} against the same call straight to the same upstream
// MCP server, in one run. Plugboard (on PGlite or a scratch PostgreSQL database) and the upstream
// each run in a process of their own, the agents (the SDK's Client) in this one. Latency from
// BENCH_CALLS sequential calls each way (after a warm-up); throughput from BENCH_CONCURRENCY agents
// calling at once; SQL statements per gateway call. BENCH_CALLS (500), BENCH_CONCURRENCY (8).
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { cpuMs } from "./harness/proc.js";
import { start } from "./harness/child.js";
import { statementsPer } from "./harness/statements.js";
import { type Row, judge, quantile as at } from "./harness/table.js";

const CALLS = Number(process.env.BENCH_CALLS ?? 500);
const QUICK_CALLS = 100;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const TOKEN = "bench-upstream-token-0123456789abcdef";
/** calls before the measured ones: JIT, pooled sessions, caches */
const WARMUP = 50;

interface PlugboardReady { url: string; big: { key: string } }

async function client(url: string, token: string): Promise<Client> {
  const c = new Client({ name: "bench-agent", version: "1" });
  await c.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
  return c;
}

const call = (c: Client, i: number) => c.callTool({ name: "echo", arguments: { i } });

async function latencies(c: Client, calls: number): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await call(c, i);
  const ms: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t0 = performance.now();
    await call(c, i);
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b);
}

/** Calls per second with CONCURRENCY agents, each making calls / CONCURRENCY calls back to back. */
async function throughput(clients: Client[], calls: number): Promise<number> {
  const per = Math.ceil(calls / clients.length);
  const t0 = performance.now();
  await Promise.all(clients.map(async (c) => { for (let i = 0; i < per; i++) await call(c, i); }));
  return (per * clients.length) / ((performance.now() - t0) / 1000);
}


export async function gateway(options: { quick: boolean; postgresUrl?: string }): Promise<Row[]> {
  const calls = options.quick ? QUICK_CALLS : CALLS;
  const up = await start<{ url: string }>("targets/mcp-upstream.ts", { BENCH_TOKEN: TOKEN });
  const plugboard = await start<PlugboardReady>("targets/plugboard.ts", { BENCH_DATABASE_URL: options.postgresUrl ?? "", BENCH_EGRESS_ALLOWLIST: "127.0.0.1" });
  const { key } = plugboard.ready.big;
  const gql = async (query: string, variables: unknown) =>
    (await (await fetch(plugboard.ready.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${key}` }, body: JSON.stringify({ query, variables }) })).json()) as { data: any };
  const created = await gql(`mutation($i: CreateConnectorInput!) { createConnector(input: $i) { ... on CreateConnectorSuccess { connector { id mcpEndpoint } } } }`, { i: { url: up.ready.url, name: "Bench gateway" } });
  const { id, mcpEndpoint } = created.data.createConnector.connector;
  await gql(`mutation($i: ConnectConnectorInput!) { connectConnector(input: $i) { __typename } }`, { i: { id, accessToken: TOKEN } });

  try {
    const direct = await client(up.ready.url, TOKEN);
    const through = await client(mcpEndpoint, key);
    const directMs = await latencies(direct, calls);
    const gatewayMs = await latencies(through, calls);
    // counted once a batch's ToolCall rows, written just after each answer, are in
    const sqlPerCall = await statementsPer((i) => call(through, i), async () => (await plugboard.ask<{ statements: number }>("sql")).statements, { size: 20, settleMs: 50 });
    const directClients = await Promise.all(Array.from({ length: CONCURRENCY }, () => client(up.ready.url, TOKEN)));
    const gatewayClients = await Promise.all(Array.from({ length: CONCURRENCY }, () => client(mcpEndpoint, key)));
    const directRate = await throughput(directClients, calls);
    const cpu0 = cpuMs(plugboard.pid);
    const gatewayRate = await throughput(gatewayClients, calls);
    const cpuPerCall = (cpuMs(plugboard.pid) - cpu0) / (Math.ceil(calls / CONCURRENCY) * CONCURRENCY);

    const db50 = at(directMs, 0.5);
    const gw50 = at(gatewayMs, 0.5);
    const ratio = gatewayRate / directRate;
    const where = options.postgresUrl ? "PostgreSQL" : "PGlite";
    await Promise.all([direct, through, ...directClients, ...gatewayClients].map((c) => c.close()));
    return [
      { scenario: "B6", target: `MCP tools/call straight to the upstream`, perSecond: directRate, p50: db50, p99: at(directMs, 0.99), goal: "baseline" },
      judge({
        scenario: "B6", target: `MCP tools/call through the gateway (${where})`, perSecond: gatewayRate, p50: gw50, p99: at(gatewayMs, 0.99), cpuMsPerRequest: cpuPerCall,
        sqlPerRequest: sqlPerCall, ratio, goal: "≥ 0.7× the throughput, p50 overhead ≤ 3 ms, SQL per call constant", note: `p50 overhead ${(gw50 - db50).toFixed(2)} ms`,
      }, [[ratio >= 0.7, `${ratio.toFixed(2)}×`], [gw50 - db50 <= 3, `overhead ${(gw50 - db50).toFixed(2)} ms`], [sqlPerCall <= 1, `SQL ${sqlPerCall.toFixed(2)}`]]),
    ];
  } finally {
    await plugboard.stop();
    await up.stop();
  }
}
