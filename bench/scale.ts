/**
 * npm run bench:scale — the list queries, the idle background passes and the start-up on issue 13's
 * dataset (bench/scale-data.ts) in a scratch PostgreSQL database, made, loaded and dropped here.
 *
 *   TEST_DATABASE_URL  the server to make it on (postgres://postgres@127.0.0.1:5432/postgres)
 *   BENCH_SCALE        the fraction of the issue's size (0.1; 1 is a million connectors)
 *   BENCH_RUNS         timed runs of each query and pass (50; start-up runs 3 times)
 *
 * Health checks and tool sync are left out: with this data every CONNECTED connector is due, so
 * their passes would time MCP calls to servers that do not exist, not an idle pass.
 */
import pg from "pg";
import { buildApp, createServices } from "../src/app.js";
import { insertApiKey } from "../src/auth/api-keys.js";
import { loadCatalog, readCatalog } from "../src/catalog/load.js";
import { defaultConfig } from "../src/config.js";
import { generateKeySpec, parseKeyring } from "../src/crypto/keyring.js";
import { createSecrets, verifySecrets } from "../src/crypto/secrets.js";
import { openDatabase } from "../src/db/client.js";
import { createEgress } from "../src/egress/egress.js";
import { createEventBus } from "../src/events/pubsub.js";
import { createLogger } from "../src/logger.js";
import { expireAbandonedAuthorizations } from "../src/oauth/abandoned.js";
import { refreshDuePersonalTokens } from "../src/oauth/personal-refresh.js";
import { refreshDueTokens } from "../src/oauth/refresh.js";
import { scratchPostgres } from "./database.js";
import { quantile as at } from "./harness/table.js";
import { orgId, scaleDataSql, scaleRows, scaleSizes, userId } from "./scale-data.js";

const BASE = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const FRACTION = Number(process.env.BENCH_SCALE ?? 0.1);
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const STARTS = 3;
const WARMUP = 3;
const GOAL = { query: 20, pass: 200, startup: 3_000 };

const PAGE = "edges { node { id name preset { slug } tools { name } } } pageInfo { hasNextPage endCursor } totalCount";
const QUERIES: [string, string][] = [
  ...(["CREATED_AT", "UPDATED_AT", "NAME"] as const).flatMap((field) =>
    (["ASC", "DESC"] as const).map((dir): [string, string] => [
      `connectors orderBy ${field} ${dir}`,
      `{ connectors(first: 20, orderBy: { field: ${field}, direction: ${dir} }) { ${PAGE} } }`,
    ]),
  ),
  ["connectors search, no match", `{ connectors(first: 20, filter: { search: "zz-no-such-connector" }) { ${PAGE} } }`],
  ["connectorsWithStatus", "{ connectorsWithStatus { slug server { id status connector { id name } } } }"],
  ["personalConfigurations", "{ personalConfigurations(first: 20) { edges { node { id name preset { slug } } } totalCount } }"],
  ["auditEvents", "{ auditEvents(first: 20) { edges { node { id action } } } }"],
  ["users", "{ users(first: 20) { edges { node { id email } } totalCount } }"],
  ["apiKeys", "{ apiKeys(first: 20) { edges { node { id } } totalCount } }"],
  ["presets", "{ presets(first: 20) { edges { node { slug } } totalCount } }"],
  ["availableTools", "{ availableTools(first: 20) { edges { node { name } } totalCount } }"],
  ["connector.events", "query($id: ID!) { connector(id: $id) { events(first: 20) { edges { node { id kind } } totalCount } } }"],
  ["connector.toolCalls", "query($id: ID!) { connector(id: $id) { toolCalls(first: 20) { edges { node { id outcome } } totalCount } } }"],
];

interface Row {
  what: string;
  ms: number[];
  goal: number;
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

async function timed(runs: number, once: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < Math.min(WARMUP, runs); i++) await once();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await once();
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b);
}

async function main(): Promise<void> {
  const scratch = await scratchPostgres(BASE, "plugboard_scale");
  const url = new URL(scratch.url);
  const keySpec = generateKeySpec("bench");
  const sizes = scaleSizes(FRACTION);
  const rows: Row[] = [];
  try {
    // migrate in-process, as the server does, then load with the database's own generate_series
    await (await openDatabase({ kind: "postgres", url: url.toString() })).close();
    const loader = new pg.Client({ connectionString: url.toString() });
    await loader.connect();
    const t0 = performance.now();
    for (const statement of scaleDataSql(sizes, "bench")) await loader.query(statement);
    const { rows: secrets } = await loader.query<{ n: string }>(
      `SELECT (SELECT count("credentialsEnc") + count("clientSecretEnc") FROM "Connector") + (SELECT count("credentialsEnc") FROM "PersonalConfiguration")
            + (SELECT count(*) FROM "OAuthAuthorization") AS n`,
    );
    await loader.end();
    console.log(`loaded ${scaleRows(sizes).toLocaleString("en")} rows (scale ${FRACTION}: ${sizes.connectors.toLocaleString("en")} connectors, ` +
      `${Number(secrets[0].n).toLocaleString("en")} stored secrets) in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

    const logger = createLogger("warn");
    const config = defaultConfig({ costLimit: { capacity: 0, restorePerSecond: 1 } });
    /** what main.ts does before it serves: open (and check migrations), check the keyring, load the catalog, listen */
    async function start() {
      const database = await openDatabase({ kind: "postgres", url: url.toString() });
      const secretBox = createSecrets(parseKeyring(keySpec));
      await verifySecrets(database.db, secretBox);
      await loadCatalog(database.db, await readCatalog());
      const services = await createServices({
        egress: createEgress({ allowlist: config.upstream.egressAllowlist, timeoutMs: config.upstream.timeoutMs }),
        db: database.db,
        secrets: secretBox,
        logger,
        pubsub: createEventBus({ logger }),
        config,
      });
      const app = buildApp(services, { refresh: { enabled: false }, health: { enabled: false }, sync: { enabled: false }, webhooks: { enabled: false } });
      const address = await app.start(0, "127.0.0.1");
      return { database, services, app, address, stop: async () => (await app.stop(), await database.close()) };
    }
    const startups: number[] = [];
    for (let i = 0; i < STARTS; i++) {
      const t = performance.now();
      const s = await start();
      startups.push(performance.now() - t);
      await s.stop();
    }
    rows.push({ what: "start-up (migrations checked, keyring, catalog, listen)", ms: startups.sort((a, b) => a - b), goal: GOAL.startup });

    const server = await start();
    try {
      const { key } = await insertApiKey(server.database.db, { organizationId: orgId(1), userId: userId(1, 1), role: "ADMIN" });
      const post = async (query: string, variables?: object) => {
        const r = await fetch(`${server.address}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await r.json()) as { data?: unknown; errors?: unknown };
        if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
        return body.data;
      };
      const first = (await post("{ connectors(first: 1) { edges { node { id } } } }")) as { connectors: { edges: { node: { id: string } }[] } };
      const id = first.connectors.edges[0].node.id;
      for (const [what, query] of QUERIES) rows.push({ what, ms: await timed(RUNS, () => post(query, { id })), goal: GOAL.query });
      const { services } = server;
      rows.push({ what: "pass: connector token refresh (nothing due)", ms: await timed(RUNS, () => refreshDueTokens(services)), goal: GOAL.pass });
      rows.push({ what: "pass: personal token refresh (nothing due)", ms: await timed(RUNS, () => refreshDuePersonalTokens(services)), goal: GOAL.pass });
      rows.push({ what: "pass: abandoned consents (nothing to expire)", ms: await timed(RUNS, () => expireAbandonedAuthorizations(services)), goal: GOAL.pass });
    } finally {
      await server.stop();
    }
  } finally {
    await scratch.drop();
  }

  console.log("| what | p50 ms | p99 ms | goal | met? |\n|---|---:|---:|---|---|");
  let missed = 0;
  for (const r of rows) {
    const met = at(r.ms, 0.99) <= r.goal;
    if (!met) missed++;
    console.log(`| ${r.what} | ${fmt(at(r.ms, 0.5))} | ${fmt(at(r.ms, 0.99))} | p99 ≤ ${r.goal.toLocaleString("en")} ms | ${met ? "yes" : "**no**"} |`);
  }
  console.log(`\nbench:scale: ${rows.length} rows, ${missed} below goal`);
}

await main();
