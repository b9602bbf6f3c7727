// B4: one connector's changes fanned out over graphql-ws to many subscribers (half connectorEvents,
// half connectorStateChanged) on 250 sockets, CHANGES renames 400 ms apart, against a raw `ws`
// server sending one pre-serialized frame per subscription over the same number of sockets. The
// servers run in processes of their own, the subscribers in a worker thread of this one.
import { Worker } from "node:worker_threads";
import { type Child, start } from "./harness/child.js";
import { rssMb } from "./harness/proc.js";
import { type Row, judge, quantile } from "./harness/table.js";

export interface FanoutOptions {
  quick: boolean;
  postgresUrl?: string;
  /** a Redis server for B5: two instances on one database, events between them through Redis */
  redisUrl?: string;
}

const SOCKETS = 250;
const GAP_MS = 400;

interface Report { complete: number; latencies: number[] }

function subscribers(config: Record<string, unknown>) {
  const worker = new Worker(new URL("./fanout-clients.mjs", import.meta.url), { workerData: config });
  const messages: { type: string; [k: string]: unknown }[] = [];
  let wake: () => void = () => {};
  worker.on("message", (m) => {
    if (m.type === "error") console.error(`subscription error: ${m.message}`);
    messages.push(m);
    wake();
  });
  const next = async (type: string) => {
    for (;;) {
      const i = messages.findIndex((m) => m.type === type);
      if (i >= 0) return messages.splice(i, 1)[0];
      await new Promise<void>((r) => (wake = r));
    }
  };
  return {
    next,
    ask: async <T>(type: string, body: Record<string, unknown> = {}) => (worker.postMessage({ type, ...body }), (await next(type)) as T),
    sent: (version: number) => worker.postMessage({ type: "sent", version, at: performance.timeOrigin + performance.now() }),
    async close() {
      worker.postMessage({ type: "close" });
      await next("closed");
      await worker.terminate();
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Until every delivery is in, or nothing has arrived for 5 s. */
async function drain(clients: ReturnType<typeof subscribers>, expected: number): Promise<void> {
  let last = -1;
  let still = 0;
  for (;;) {
    const { deliveries } = await clients.ask<{ deliveries: number }>("progress");
    if (deliveries >= expected) return;
    still = deliveries === last ? still + 1 : 0;
    if (still >= 50) return;
    last = deliveries;
    await sleep(100);
  }
}

async function raw(count: number, changes: number): Promise<Report> {
  const server = await start<{ url: string }>("targets/raw-ws.ts");
  try {
    const clients = subscribers({ mode: "raw", url: server.ready.url, subscribers: count, sockets: Math.min(SOCKETS, count) });
    await clients.next("subscribed");
    while ((await server.ask<{ count: number }>("subscribers")).count < count) await sleep(20);
    for (let v = 1; v <= changes; v++) {
      clients.sent(v);
      await server.ask("broadcast", { version: v });
      await sleep(GAP_MS);
    }
    await drain(clients, count * changes);
    const report = await clients.ask<Report>("report", { from: 0, to: changes });
    await clients.close();
    return report;
  } finally {
    await server.stop();
  }
}

interface Org { organizationId: string; key: string; connectorIds: string[] }
interface Ready { url: string; big: Org; small: Org; databaseUrl?: string }

/**
 * The subscribers on one Plugboard and the renames made through it; with `redisUrl` (B5), the
 * renames go to a first instance and the subscribers are on a second one, on the same database,
 * the events between them through Redis.
 */
async function plugboard(count: number, changes: number, postgresUrl: string | undefined, redisUrl?: string): Promise<Report & { kbPerSubscription: number }> {
  const writer: Child<Ready> = await start<Ready>("targets/plugboard.ts", { BENCH_DATABASE_URL: postgresUrl ?? "", BENCH_REDIS_URL: redisUrl ?? "" });
  const { big, small, databaseUrl } = writer.ready;
  const server: Child<Ready> = redisUrl
    ? await start<Ready>("targets/plugboard.ts", { BENCH_ATTACH: JSON.stringify({ databaseUrl, big, small }), BENCH_REDIS_URL: redisUrl })
    : writer;
  try {
    const { url } = server.ready;
    const connectorId = big.connectorIds[0];
    const gql = async (query: string, variables: unknown) => {
      const res = await fetch(writer.ready.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${big.key}` }, body: JSON.stringify({ query, variables }) });
      return ((await res.json()) as { data: any }).data;
    };
    const rename = (name: string) =>
      gql(`mutation($i: UpdateConnectorInput!) { updateConnector(input: $i) { ... on UpdateConnectorSuccess { connector { version } } } }`, { i: { id: connectorId, name } });
    const v0: number = (await rename("Bench warm-up")).updateConnector.connector.version;
    await sleep(1000);
    // memory retained by the subscriptions: collected before each reading, so that the garbage of
    // setting 5,000 of them up (their first queries) is not counted as theirs
    const heapBefore = (await server.ask<{ heapUsed: number }>("gc")).heapUsed;
    const before = rssMb(server.pid);
    const clients = subscribers({ mode: "graphql-ws", url: url.replace("http", "ws"), key: big.key, connectorId, subscribers: count, sockets: Math.min(SOCKETS, count) });
    await clients.next("subscribed");
    await clients.next("initial");
    while ((await server.ask<{ count: number }>("subscribers", { organizationId: big.organizationId })).count < count) await sleep(20);
    await sleep(500);
    const heapAfter = (await server.ask<{ heapUsed: number }>("gc")).heapUsed;
    if (process.env.BENCH_DEBUG) console.log(`heap used per subscription: ${((heapAfter - heapBefore) / 1024 / count).toFixed(1)} KB`);
    const kbPerSubscription = ((rssMb(server.pid) - before) * 1024) / count;
    for (let k = 1; k <= changes; k++) {
      const t0 = performance.now();
      clients.sent(v0 + k);
      const version = (await rename(`Bench ${k}`)).updateConnector.connector.version;
      if (version !== v0 + k) throw new Error(`rename ${k} gave version ${version}, not ${v0 + k}`);
      await sleep(Math.max(0, GAP_MS - (performance.now() - t0)));
    }
    await drain(clients, count * changes);
    const report = await clients.ask<Report>("report", { from: v0, to: v0 + changes });
    await clients.close();
    return { ...report, kbPerSubscription };
  } finally {
    if (server !== writer) await server.stop();
    await writer.stop();
  }
}

export async function fanoutScenario(options: FanoutOptions): Promise<Row[]> {
  const sizes = options.quick ? [200] : [1000, 5000];
  const changes = options.quick ? 3 : 15;
  const rows: Row[] = [];
  for (const count of sizes) {
    const base = await raw(count, changes);
    const ours = await plugboard(count, changes, options.postgresUrl);
    const p = (r: Report, q: number) => quantile(r.latencies, q);
    const db = options.postgresUrl ? "PostgreSQL" : "PGlite";
    rows.push({ scenario: "B4", target: `raw ws broadcast, ${count} subscriptions × ${changes}`, p50: p(base, 0.5), p99: p(base, 0.99), goal: "baseline", note: `${base.complete}/${count} complete` });
    rows.push(judge({
      scenario: "B4", target: `Plugboard (${db}), ${count} subscriptions × ${changes} changes`, p50: p(ours, 0.5), p99: p(ours, 0.99),
      ratio: p(ours, 0.99) / p(base, 0.99), goal: "100% in order, p99 ≤ 2× raw, ≤ 20 KB RSS per subscription",
      note: `${ours.complete}/${count} complete and in order, ${ours.kbPerSubscription.toFixed(1)} KB per subscription`,
    }, [
      [ours.complete === count, `${count - ours.complete} subscribers missed or reordered a version`],
      [p(ours, 0.99) <= 2 * p(base, 0.99), `p99 ${(p(ours, 0.99) / p(base, 0.99)).toFixed(1)}× raw`],
      [ours.kbPerSubscription <= 20, `${ours.kbPerSubscription.toFixed(1)} KB per subscription`],
    ]));
    // B5 at the first size: the same through Redis between two instances, against this in-memory run
    if (options.redisUrl && options.postgresUrl && count === sizes[0]) {
      const two = await plugboard(count, changes, options.postgresUrl, options.redisUrl);
      const extra = p(two, 0.5) - p(ours, 0.5);
      rows.push(judge({
        scenario: "B5", target: `Plugboard (PostgreSQL), two instances through Redis, ${count} subscriptions × ${changes} changes`, p50: p(two, 0.5), p99: p(two, 0.99),
        goal: "no loss; p50 ≤ in-memory p50 + 5 ms", note: `${two.complete}/${count} complete and in order, p50 ${extra >= 0 ? "+" : ""}${extra.toFixed(1)} ms on in-memory`,
      }, [
        [two.complete === count, `${count - two.complete} subscribers missed or reordered a version`],
        [extra <= 5, `p50 +${extra.toFixed(1)} ms`],
      ]));
    }
  }
  return rows;
}
