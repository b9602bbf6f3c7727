// `npm run bench`: every scenario in one run, one table with each goal and whether it was met,
// ending with `bench: N scenarios, M below goal`. Plugboard, the baselines and the load each run in
// a process of their own (the gateway scenario excepted: see BENCHMARKS.md).
//   --quick            each scenario briefly, for CI: only the SQL counts are asserted
//   BENCH_SCENARIOS    http,fanout,gateway,idle (all by default)
//   TEST_DATABASE_URL  the PostgreSQL server for the PostgreSQL rows (default 127.0.0.1:5432;
//                      scratch databases are made and dropped); none reachable: PGlite rows only
//   TEST_REDIS_URL     the Redis server for B5 (default 127.0.0.1:6379); none reachable: no B5
import pg from "pg";
import { fanoutScenario } from "./fanout.js";
import { gateway } from "./gateway.js";
import { httpScenarios } from "./http.js";
import { idle } from "./idle.js";
import { compileTargets } from "./harness/child.js";
import { loadAverage } from "./harness/proc.js";
import { type Row, printTable } from "./harness/table.js";

const quick = process.argv.includes("--quick");

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function redisReachable(url: string): Promise<boolean> {
  const { Redis } = await import("ioredis");
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 2000 });
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** The SQL goals, the only ones --quick holds a run to (timings on a CI machine mean nothing). */
function sqlFailures(rows: Row[]): string[] {
  return rows.filter((r) => r.met === false && /SQL/.test(r.missed ?? "")).map((r) => `${r.scenario} ${r.target}: ${r.missed}`);
}

async function main() {
  compileTargets();
  const url = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const postgresUrl = (await reachable(url)) ? url : undefined;
  if (!postgresUrl) console.log(`(no PostgreSQL at ${url}: PGlite rows only)`);
  const redis = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
  const redisUrl = (await redisReachable(redis)) ? redis : undefined;
  if (!redisUrl) console.log(`(no Redis at ${redis}: no B5)`);
  const scenarios: Record<string, () => Promise<Row[]>> = {
    idle: () => idle(postgresUrl),
    http: () => httpScenarios({ quick, postgresUrl }),
    fanout: () => fanoutScenario({ quick, postgresUrl, redisUrl }),
    gateway: async () => [...(await gateway({ quick })), ...(postgresUrl ? await gateway({ quick, postgresUrl }) : [])],
  };
  const names = (process.env.BENCH_SCENARIOS ?? Object.keys(scenarios).join(",")).split(",").map((s) => s.trim()).filter(Boolean);
  const started = performance.now();
  const rows: Row[] = [];
  for (const name of names) {
    const run = scenarios[name];
    if (!run) throw new Error(`BENCH_SCENARIOS: unknown scenario "${name}" (known: ${Object.keys(scenarios).join(", ")})`);
    rows.push(...(await run()));
    console.log(`${name} done (load average ${loadAverage()})`);
  }
  printTable(rows);
  const judged = rows.filter((r) => r.met !== undefined);
  const below = judged.filter((r) => !r.met).length;
  console.log(`\n(${((performance.now() - started) / 1000).toFixed(0)} s, load average ${loadAverage()}${quick ? ", --quick: timings are not meaningful" : ""})`);
  console.log(`bench: ${judged.length} scenarios, ${below} below goal`);
  if (quick) {
    const failures = sqlFailures(rows);
    if (failures.length) {
      console.error(`--quick: SQL goals missed:\n  ${failures.join("\n  ")}`);
      process.exitCode = 1;
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
