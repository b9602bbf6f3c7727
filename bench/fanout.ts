// Fan-out benchmark: N graphql-ws subscriptions on one connector, one change, how long until the
// last subscriber has it, and how many SQL statements the change and its fan-out caused.
// BENCH_SUBSCRIBERS (5000), BENCH_SOCKETS (250), BENCH_KIND (mixed|events|state). The clients run
// in a worker thread (bench/clients.mjs), on the same machine. BENCH_DEBUG=1 prints the SQL.
import { createEgress } from "../src/egress/egress.js";
import { Worker } from "node:worker_threads";
import { buildApp, createServices } from "../src/app.js";
import { insertApiKey } from "../src/auth/api-keys.js";
import { defaultConfig } from "../src/config.js";
import { generateKeySpec, parseKeyring } from "../src/crypto/keyring.js";
import { createSecrets } from "../src/crypto/secrets.js";
import { newId } from "../src/db/ids.js";
import { createEventBus } from "../src/events/pubsub.js";
import { createLogger } from "../src/logger.js";
import { loadCatalog, readCatalog } from "../src/catalog/load.js";
import { scratchDatabase } from "./database.js";

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 5000);
const SOCKETS = Math.min(Number(process.env.BENCH_SOCKETS ?? 250), SUBSCRIBERS);
const KIND = process.env.BENCH_KIND ?? "mixed";
const PER_SOCKET = Math.ceil(SUBSCRIBERS / SOCKETS);
const PER_KEY = 50;

export async function fanout(): Promise<void> {
  const database = await scratchDatabase();
  const { db: prisma, onQuery } = database;
  await loadCatalog(prisma, await readCatalog());
  const organizationId = newId("org");
  await prisma.organization.create({ data: { id: organizationId, slug: `bench-${organizationId.slice(-6)}`, name: "Bench" } });
  const keys = await Promise.all(
    Array.from({ length: Math.ceil(SOCKETS / PER_KEY) }, () => insertApiKey(prisma, { organizationId, role: "ADMIN" })),
  );
  const logger = createLogger("warn");
  const services = createServices({
    egress: createEgress({ allowlist: "", timeoutMs: 10_000 }),
    db: prisma,
    secrets: createSecrets(parseKeyring(generateKeySpec("bench"))),
    logger,
    pubsub: createEventBus({ logger }),
    config: defaultConfig({ costLimit: { capacity: 0, restorePerSecond: 1 } }), // the load is one key: no rate limit
  });
  const app = buildApp(services, {
    refresh: { enabled: false },
    limits: { connectionsPerApiKey: PER_KEY, subscriptionsPerConnection: Math.max(100, PER_SOCKET) },
  });
  const url = await app.start(0);
  const gql = async (query: string, variables: unknown) => {
    const res = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${keys[0].key}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data: Record<string, any> };
  };
  const created = await gql(`mutation($i: CreateConnectorInput!) { createConnector(input: $i) { ... on CreateConnectorSuccess { connector { id } } } }`, {
    i: { presetSlug: "github", name: "Bench" },
  });
  const connectorId: string = created.data.createConnector.connector.id;
  let round = 0;
  const change = () => gql(`mutation($i: UpdateConnectorInput!) { updateConnector(input: $i) { ... on UpdateConnectorSuccess { connector { version } } } }`, { i: { id: connectorId, name: `Bench ${++round}` } });

  // a change with nobody listening (the second: the first warms caches): what the mutation itself takes
  await change();
  let statements = 0;
  const sqls: string[] = [];
  const stop = onQuery((q: string) => (statements++, sqls.push(q.slice(0, 90))));
  const { version } = (await change()).data.updateConnector.connector;
  const baseline = statements;
  if (process.env.BENCH_DEBUG) console.log(sqls.join("\n"));

  const worker = new Worker(new URL("./clients.mjs", import.meta.url), {
    workerData: {
      url: `${url.replace("http", "ws")}/graphql`,
      keys: keys.map((k) => k.key),
      connectorId,
      subscribers: SUBSCRIBERS,
      sockets: SOCKETS,
      perKey: PER_KEY,
      kind: KIND,
    },
  });
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
  const started = performance.now();
  const { stateCount } = (await next("subscribed")) as unknown as { stateCount: number };
  await next("initial");
  while (app.services.connectorEvents.listenerCount(organizationId) < SUBSCRIBERS) await new Promise((r) => setTimeout(r, 20));
  console.log(`${SUBSCRIBERS} subscriptions (${stateCount} connectorStateChanged, ${SUBSCRIBERS - stateCount} connectorEvents) on ${SOCKETS} sockets, ready in ${Math.round(performance.now() - started)} ms`);

  worker.postMessage({ type: "expect", version: version + 1 });
  await new Promise((r) => setTimeout(r, 100)); // let the worker take it
  statements = 0;
  sqls.length = 0;
  const t0 = performance.timeOrigin + performance.now();
  await change();
  const mutationMs = performance.timeOrigin + performance.now() - t0;
  const deliveries = ((await next("done")).deliveries as number[]).map((t) => t - t0);
  stop();
  if (process.env.BENCH_DEBUG) console.log(sqls.join("\n"));
  deliveries.sort((a, b) => a - b);
  const at = (q: number) => deliveries[Math.min(deliveries.length - 1, Math.floor(q * deliveries.length))].toFixed(1);
  console.log(`database: ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite (memory)"}`);
  console.log(`mutation answered in ${mutationMs.toFixed(1)} ms`);
  console.log(`fan-out: first delivery ${at(0)} ms, median ${at(0.5)} ms, p99 ${at(0.99)} ms, last ${at(1)} ms after the mutation was sent`);
  console.log(`SQL statements: ${baseline} for the change with no subscriber; ${statements} with ${SUBSCRIBERS} (the publish caused ${statements - baseline})`);

  worker.postMessage({ type: "close" });
  await next("closed");
  await worker.terminate();
  await app.stop();
  await database.close();
}

