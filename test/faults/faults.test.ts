import { execFile, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import { promisify } from "node:util";
import { createClient } from "graphql-ws";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startMain } from "../ops/processes.js";

// Faults under load (npm run test:faults; FAULTS_QUICK=1 for CI's short version): two real server
// processes on one PostgreSQL database with Redis, a subscriber on connectorEvents that resumes
// with `after` whenever its socket drops, and a stream of mutations through both instances while
// PostgreSQL is restarted, Redis is restarted and one instance is killed with SIGKILL. It restarts
// the machine's own PostgreSQL and Redis, so it runs on its own, never beside the other suites.
const BASE = process.env.TEST_DATABASE_URL;
const REDIS = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const QUICK = process.env.FAULTS_QUICK === "1";
const run = promisify(execFile);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const KEY = `pb_faults_${randomBytes(16).toString("hex")}`;
const DB = `plugboard_faults_${randomBytes(4).toString("hex")}`;

async function restartPostgres() {
  const version = readdirSync("/etc/postgresql")[0];
  await run("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "restart"]);
}
async function restartRedis() {
  await run("redis-cli", ["-p", "6379", "shutdown", "nosave"]).catch(() => {});
  await sleep(QUICK ? 500 : 2_000);
  execFileSync("redis-server", ["--daemonize", "yes", "--bind", "127.0.0.1", "-::1", "--port", "6379", "--save", "", "--appendonly", "no", "--dir", "/var/lib/redis", "--logfile", "/var/log/redis/ci.log"]);
}

describe.skipIf(!BASE)("faults under load: PostgreSQL and Redis restarted, an instance killed", () => {
  const url = new URL(BASE ?? "postgres://x@127.0.0.1/x");
  const admin = () => new pg.Client({ connectionString: BASE });
  afterAll(async () => {
    const c = admin();
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await c.end();
  });

  it("loses no acknowledged write, misses no event on resume, and answers 503 (never 500) meanwhile", { timeout: 300_000 }, async () => {
    const c = admin();
    await c.connect();
    await c.query(`CREATE DATABASE ${DB}`);
    await c.end();
    url.pathname = `/${DB}`;
    const env = {
      DATABASE_URL: url.toString(),
      REDIS_URL: REDIS,
      BOOTSTRAP_API_KEY: KEY,
      ENCRYPTION_KEYS: `k1:${randomBytes(32).toString("base64")}`,
      LOG_LEVEL: "warn",
      RATE_LIMIT_CAPACITY: "0",
    };
    const a = await startMain(env);
    let b = await startMain(env);
    const instances = () => [a.url, b.url];

    const gql = async (base: string, query: string, variables: Record<string, unknown> = {}) => {
      const res = await fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${KEY}` }, body: JSON.stringify({ query, variables }), signal: AbortSignal.timeout(10_000) });
      return { status: res.status, body: (await res.json().catch(() => null)) as any };
    };
    const created = await gql(a.url, `mutation { createConnector(input: { presetSlug: "github", name: "faults" }) { __typename ... on CreateConnectorSuccess { connector { id } } } }`);
    if (!created.body?.data?.createConnector?.connector) throw new Error(`createConnector: ${created.status} ${JSON.stringify(created.body)}`);
    const id: string = created.body.data.createConnector.connector.id;
    // the subscription resumes after the CREATED event from its first connect: a write that commits
    // before the first socket is up is replayed, not missed (a live-only start raced the writers)
    const first = await gql(a.url, `query ($id: ID!) { connector(id: $id) { events(first: 1) { edges { node { id } } } } }`, { id });
    const createdEventId: string = first.body.data.connector.events.edges[0].node.id;

    // the subscriber: every event it is given, resuming after the last one whenever its socket drops
    const received: { id: string; version: number }[] = [];
    let stopped = false;
    let subscriptions = 0;
    const subscribe = async () => {
      while (!stopped) {
        const base = instances()[subscriptions++ % 2];
        await new Promise<void>((done) => {
          const client = createClient({ url: `${base.replace("http", "ws")}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, connectionParams: { authorization: `Bearer ${KEY}` }, on: { closed: () => done() } });
          client.subscribe(
            { query: "subscription ($id: ID, $after: ID) { connectorEvents(id: $id, after: $after) { id version } }", variables: { id, after: received.at(-1)?.id ?? createdEventId } },
            { next: (r: any) => r.data && received.push(r.data.connectorEvents), error: () => void Promise.resolve(client.dispose()).then(done), complete: () => void Promise.resolve(client.dispose()).then(done) },
          );
        });
        await sleep(200);
      }
    };
    const subscriber = subscribe();

    // the writers: renames through both instances, each acknowledged version noted
    const acknowledged: number[] = [];
    const statuses = new Map<number, number>();
    let writing = true;
    const writer = async (which: number) => {
      for (let n = 0; writing; n++) {
        const base = instances()[which];
        try {
          const r = await gql(base, `mutation ($input: UpdateConnectorInput!) { updateConnector(input: $input) { __typename ... on UpdateConnectorSuccess { connector { version } } } }`, { input: { id, name: `w${which}-${n}` } });
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
          const v = r.body?.data?.updateConnector?.connector?.version;
          if (typeof v === "number") acknowledged.push(v);
        } catch {
          statuses.set(0, (statuses.get(0) ?? 0) + 1); // the instance is down: nothing was acknowledged
        }
        await sleep(20);
      }
    };
    const writers = [writer(0), writer(1)];

    const phase = QUICK ? 1_500 : 5_000;
    await sleep(phase);
    await restartPostgres();
    await sleep(phase);
    await restartRedis();
    await sleep(phase);
    b.child.kill("SIGKILL");
    await b.exited;
    b = await startMain(env);
    await sleep(phase);
    writing = false;
    await Promise.all(writers);

    // every acknowledged write is in the trail, and the subscriber has all of the trail, in order
    const check = new pg.Client({ connectionString: url.toString() });
    await check.connect();
    const trail = (await check.query(`SELECT "id", "version" FROM "ConnectorEvent" WHERE "connectorId" = $1 ORDER BY "seq"`, [id])).rows as { id: string; version: number }[];
    await check.end();
    const versions = new Set(trail.map((e) => e.version));
    expect(acknowledged.filter((v) => !versions.has(v))).toEqual([]);
    const deadline = Date.now() + 30_000;
    while (received.length < trail.length - 1 && Date.now() < deadline) await sleep(200);
    stopped = true;
    const seen = new Set(received.map((e) => e.id));
    // the subscription starts after the CREATED event; everything after it reaches the subscriber
    expect(trail.slice(1).filter((e) => !seen.has(e.id)).map((e) => e.version)).toEqual([]);
    expect(received.map((e) => e.version)).toEqual([...received.map((e) => e.version)].sort((x, y) => x - y));
    // a client's request during an outage is 503; nothing else from the server's side
    expect([...statuses.keys()].filter((s) => s >= 500 && s !== 503)).toEqual([]);
    console.log(`faults: ${acknowledged.length} writes acknowledged, ${trail.length} events, ${received.length} received, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    await Promise.all([a.stop(), b.stop()]);
    await subscriber; // its socket closed with the servers, and it stopped resuming

  });
});
