// Gateway benchmark: tools/call through /mcp/{connectorId} against the same call straight to the
// same upstream MCP server, in one run on one machine. Latency from BENCH_CALLS sequential calls
// each way (after a warm-up); throughput from BENCH_CONCURRENCY agents calling at once; SQL
// statements per gateway call. BENCH_CALLS (500), BENCH_CONCURRENCY (8).
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { CallToolRequestSchema, isInitializeRequest, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { buildApp, createServices } from "../src/app.js";
import { insertApiKey } from "../src/auth/api-keys.js";
import { defaultConfig } from "../src/config.js";
import { generateKeySpec, parseKeyring } from "../src/crypto/keyring.js";
import { createSecrets } from "../src/crypto/secrets.js";
import { newId } from "../src/db/ids.js";
import { createEgress } from "../src/egress/egress.js";
import { createEventBus } from "../src/events/pubsub.js";
import { createLogger } from "../src/logger.js";
import { scratchDatabase } from "./database.js";
import { type Row, judge, quantile as at } from "./harness/table.js";

const CALLS = Number(process.env.BENCH_CALLS ?? 500);
const QUICK_CALLS = 100;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const TOKEN = "bench-upstream-token-0123456789abcdef";
/** calls before the measured ones: JIT, pooled sessions, caches */
const WARMUP = 50;

/** The SDK's own Streamable HTTP server with one echo tool, behind a bearer token. */
async function upstream() {
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  const http = createServer(async (req, res) => {
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return res.writeHead(401).end();
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : undefined;
    const id = req.headers["mcp-session-id"] as string | undefined;
    if (id) return sessions.get(id)?.handleRequest(req, res, body) ?? res.writeHead(404).end();
    if (!isInitializeRequest(body)) return res.writeHead(400).end();
    const server = new Server({ name: "bench-upstream", version: "1" }, { capabilities: { tools: {} } });
    server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: [{ name: "echo", inputSchema: { type: "object" }, annotations: { readOnlyHint: true } }] }));
    server.setRequestHandler(CallToolRequestSchema, (r) => ({ content: [{ type: "text", text: JSON.stringify(r.params.arguments ?? {}) }] }));
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (sid) => void sessions.set(sid, transport),
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  });
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`, stop: () => new Promise<void>((r) => (http.close(() => r()), http.closeAllConnections())) };
}

async function client(url: string, token: string): Promise<Client> {
  const c = new Client({ name: "bench-agent", version: "1" });
  await c.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
  return c;
}

const call = (c: Client, i: number) => c.callTool({ name: "echo", arguments: { i } });

async function latencies(c: Client, calls: number, measure: (on: boolean) => void = () => {}): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await call(c, i);
  measure(true);
  const ms: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t0 = performance.now();
    await call(c, i);
    ms.push(performance.now() - t0);
  }
  measure(false);
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
  const database = await scratchDatabase(options.postgresUrl);
  const { db, onQuery } = database;
  const up = await upstream();
  const organizationId = newId("org");
  await db.organization.create({ data: { id: organizationId, slug: `bench-${organizationId.slice(-6)}`, name: "Bench" } });
  const { key } = await insertApiKey(db, { organizationId, role: "ADMIN" });
  const logger = createLogger("warn");
  const config = defaultConfig({ costLimit: { capacity: 0, restorePerSecond: 1 }, upstream: { egressAllowlist: "127.0.0.1" }, gateway: { maxConcurrentCalls: CONCURRENCY * 2 } });
  const services = await createServices({
    egress: createEgress({ allowlist: config.upstream.egressAllowlist, timeoutMs: config.upstream.timeoutMs }),
    db,
    secrets: createSecrets(parseKeyring(generateKeySpec("bench"))),
    logger,
    pubsub: createEventBus({ logger }),
    config,
  });
  const app = buildApp(services, { refresh: { enabled: false } });
  const url = await app.start(0);
  const gql = async (query: string, variables: unknown) =>
    (await (await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${key}` }, body: JSON.stringify({ query, variables }) })).json()) as { data: any };
  const created = await gql(`mutation($i: CreateConnectorInput!) { createConnector(input: $i) { ... on CreateConnectorSuccess { connector { id mcpEndpoint } } } }`, { i: { url: up.url, name: "Bench" } });
  const { id, mcpEndpoint } = created.data.createConnector.connector;
  await gql(`mutation($i: ConnectConnectorInput!) { connectConnector(input: $i) { __typename } }`, { i: { id, accessToken: TOKEN } });

  const direct = await client(up.url, TOKEN);
  const through = await client(mcpEndpoint, key);
  const directMs = await latencies(direct, calls);
  let statements = 0;
  let counting = false;
  const sqls = new Map<string, number>();
  const stop = onQuery((q) => {
    if (!counting) return;
    statements++;
    if (process.env.BENCH_DEBUG) sqls.set(q.slice(0, 100), (sqls.get(q.slice(0, 100)) ?? 0) + 1);
  });
  const gatewayMs = await latencies(through, calls, (on) => (counting = on));
  stop();
  const sqlPerCall = statements / calls;
  const directClients = await Promise.all(Array.from({ length: CONCURRENCY }, () => client(up.url, TOKEN)));
  const gatewayClients = await Promise.all(Array.from({ length: CONCURRENCY }, () => client(mcpEndpoint, key)));
  const directRate = await throughput(directClients, calls);
  const gatewayRate = await throughput(gatewayClients, calls);

  const db50 = at(directMs, 0.5);
  const gw50 = at(gatewayMs, 0.5);
  const ratio = gatewayRate / directRate;
  const where = options.postgresUrl ? "PostgreSQL" : "PGlite";
  const rows: Row[] = [
    { scenario: "B6", target: `MCP tools/call straight to the upstream`, perSecond: directRate, p50: db50, p99: at(directMs, 0.99), goal: "baseline" },
    judge({
      scenario: "B6", target: `MCP tools/call through the gateway (${where}; agents, gateway and upstream in one process)`, perSecond: gatewayRate, p50: gw50, p99: at(gatewayMs, 0.99),
      sqlPerRequest: sqlPerCall, ratio, goal: "≥ 0.7× the throughput, p50 overhead ≤ 3 ms, SQL per call constant", note: `p50 overhead ${(gw50 - db50).toFixed(2)} ms`,
    }, [[ratio >= 0.7, `${ratio.toFixed(2)}×`], [gw50 - db50 <= 3, `overhead ${(gw50 - db50).toFixed(2)} ms`], [sqlPerCall <= 1.05, `SQL ${sqlPerCall.toFixed(2)}`]]),
  ];
  if (process.env.BENCH_DEBUG) {
    const rows = (await db.toolCall.findMany({ select: { durationMs: true } })).map((r) => r.durationMs).sort((a, b) => a - b);
    console.log(`ToolCall.durationMs p50 ${at(rows, 0.5)} ms`);
    for (const [q, n] of sqls) console.log(n, q);
  }

  await Promise.all([direct, through, ...directClients, ...gatewayClients].map((c) => c.close()));
  await app.stop();
  await up.stop();
  await database.close();
  return rows;
}
