// B1–B3: GraphQL over HTTP against Plugboard on PGlite and on PostgreSQL, a bare yoga
// serving the same responses from memory and a raw node:http, each server in its own process and
// the load (autocannon) in another. Each target gets a warm-up slice, then the targets take turns,
// slice by slice, for ROUNDS rounds; req/s and latencies are the medians of the slices, CPU and SQL
// per request the totals over all of them.
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Child, start } from "./harness/child.js";
import { cpuMs, rssMb } from "./harness/proc.js";
import { statementsPer } from "./harness/statements.js";
import { type Row, judge, median } from "./harness/table.js";
import type { Slice, SliceResult } from "./targets/load.js";

export interface HttpOptions {
  quick: boolean;
  /** a PostgreSQL server for the PostgreSQL rows (a scratch database is made and dropped) */
  postgresUrl?: string;
}

const B1 = `{ viewer { role } }`;
const B2 = `{ connectors(first: 50) { totalCount edges { cursor node { id name state isActive preset { slug name } tools { id name type requiresConfirmation disabled } } } } }`;
const B3 = `mutation($i: UpdateConnectorInput!) { updateConnector(input: $i) { ... on UpdateConnectorSuccess { connector { id name version } } } }`;

interface Ready { url: string; big?: Org; small?: Org }
interface Org { key: string; connectorIds: string[] }
interface Target { name: string; child: Child<Ready>; key?: string; countsSql: boolean }

const body = (query: string, variables?: unknown) => JSON.stringify({ query, variables });

async function post(url: string, key: string | undefined, payload: string): Promise<any> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) }, body: payload });
  const json = await res.json();
  if (json.errors) throw new Error(`${url}: ${JSON.stringify(json.errors).slice(0, 300)}`);
  return json.data;
}

/**
 * Statements per request, from requests made one at a time after the load (under load, a slice
 * ends with requests in flight whose statements would be counted against too few requests).
 */
const sqlPerRequest = (target: Target, bodies: string[], key = target.key): Promise<number> =>
  statementsPer(
    (i) => post(target.child.ready.url, key, bodies[i < 0 ? 0 : (i * 7) % bodies.length]),
    async () => (await target.child.ask<{ statements: number }>("sql")).statements,
  );

export async function httpScenarios(options: HttpOptions): Promise<Row[]> {
  const rounds = options.quick ? 1 : 5;
  const seconds = options.quick ? 2 : 3;
  const warmup = options.quick ? 1 : 2;
  const load = await start<object>("targets/load.ts");
  const children: Child<Ready>[] = [];
  const startTarget = async (script: string, env: Record<string, string> = {}) => {
    const child = await start<Ready>(script, env);
    children.push(child);
    return child;
  };
  try {
    const pglite = await startTarget("targets/plugboard.ts", { BENCH_DATABASE_URL: "" });
    const postgres = options.postgresUrl ? await startTarget("targets/plugboard.ts", { BENCH_DATABASE_URL: options.postgresUrl }) : undefined;
    const b2 = await post(pglite.ready.url, pglite.ready.big!.key, body(B2));
    const responses = join(tmpdir(), `plugboard-bench-${process.pid}.json`);
    writeFileSync(responses, JSON.stringify({ connectors: b2.connectors }));
    const yoga = await startTarget("targets/bare-yoga.ts", { BENCH_RESPONSES: responses });
    const raw = await startTarget("targets/raw-http.ts");
    const plugboards: Target[] = [
      { name: "Plugboard, PGlite", child: pglite, key: pglite.ready.big!.key, countsSql: true },
      ...(postgres ? [{ name: "Plugboard, PostgreSQL", child: postgres, key: postgres.ready.big!.key, countsSql: true }] : []),
    ];
    const yogaTarget: Target = { name: "bare yoga", child: yoga, countsSql: false };
    const rawTarget: Target = { name: "raw node:http", child: raw, countsSql: false };

    /** Each target's figures for its bodies, slices interleaved across the targets. */
    async function measure(targets: { target: Target; bodies: string[] }[], connections: number): Promise<Map<Target, Row>> {
      const slice = (t: Target, bodies: string[], s: number): Slice => ({
        url: t.child.ready.url, headers: t.key ? { authorization: `Bearer ${t.key}` } : {}, bodies, connections, seconds: s,
      });
      for (const { target, bodies } of targets) await load.ask("slice", { slice: slice(target, bodies, warmup) });
      const results = new Map<Target, { slices: SliceResult[]; cpu: number }>(targets.map(({ target }) => [target, { slices: [], cpu: 0 }]));
      for (let round = 0; round < rounds; round++) {
        // a different target goes first each round, so none always follows the same one
        for (let i = 0; i < targets.length; i++) {
          const { target, bodies } = targets[(round + i) % targets.length];
          const into = results.get(target)!;
          const cpuBefore = cpuMs(target.child.pid);
          const r = await load.ask<SliceResult>("slice", { slice: slice(target, bodies, seconds) });
          into.cpu += cpuMs(target.child.pid) - cpuBefore;
          if (r.errors || r.non2xx) throw new Error(`${target.name}: ${r.errors} errors, ${r.non2xx} non-2xx answers in a slice`);
          into.slices.push(r);
        }
      }
      const rows = new Map<Target, Row>();
      for (const [target, { slices, cpu }] of results) {
        const requests = slices.reduce((n, s) => n + s.requests, 0);
        const bodies = targets.find((t) => t.target === target)!.bodies;
        rows.set(target, {
          scenario: "", target: target.name,
          perSecond: median(slices.map((s) => s.perSecond)),
          p50: median(slices.map((s) => s.p50)),
          p99: median(slices.map((s) => s.p99)),
          cpuMsPerRequest: requests ? cpu / requests : Number.NaN,
          sqlPerRequest: target.countsSql ? await sqlPerRequest(target, bodies) : undefined,
          rssMb: rssMb(target.child.pid),
        });
      }
      return rows;
    }

    const rows: Row[] = [];
    // B1: the trivial authenticated query against yoga's __typename and the transport's limit
    const b1 = await measure([...plugboards.map((target) => ({ target, bodies: [body(B1)] })), { target: yogaTarget, bodies: [body(`{ __typename }`)] }, { target: rawTarget, bodies: [body(`{ __typename }`)] }], 32);
    const b1Base = b1.get(yogaTarget)!;
    rows.push({ ...b1Base, scenario: "B1", target: "bare yoga `{ __typename }`", goal: "baseline" }, { ...b1.get(rawTarget)!, scenario: "B1", target: "raw node:http", goal: "transport's limit" });
    for (const t of plugboards) {
      const r = b1.get(t)!;
      const ratio = r.perSecond! / b1Base.perSecond!;
      rows.push(judge({ ...r, scenario: "B1", ratio, goal: "≥ 0.9×" }, [[ratio >= 0.9, `${ratio.toFixed(2)}×`]]));
    }

    // B2: the 50 × 10 list against the same response from memory; SQL at N = 5 as well
    const b2Rows = await measure([...plugboards.map((target) => ({ target, bodies: [body(B2)] })), { target: yogaTarget, bodies: [body(B2)] }], 32);
    const b2Base = b2Rows.get(yogaTarget)!;
    rows.push({ ...b2Base, scenario: "B2", target: "bare yoga, same response from memory", goal: "baseline" });
    for (const t of plugboards) {
      const r = b2Rows.get(t)!;
      const ratio = r.perSecond! / b2Base.perSecond!;
      const want = t.name.includes("PostgreSQL") ? 0.5 : 0.3;
      const five = await sqlPerRequest(t, [body(B2)], t.child.ready.small!.key);
      const fifty = r.sqlPerRequest!;
      rows.push(judge({ ...r, scenario: "B2", ratio, goal: `≥ ${want}×, p99 ≤ 4× p50, SQL ≤ 2 at N = 5 and 50`, note: `SQL ${five.toFixed(2)} at N = 5, ${fifty.toFixed(2)} at N = 50` }, [
        [ratio >= want, `${ratio.toFixed(2)}×`],
        [r.p99! <= 4 * r.p50!, `p99 ${(r.p99! / r.p50!).toFixed(1)}× p50`],
        [five <= 2 && fifty <= 2 && five === fifty, `SQL ${five.toFixed(2)} / ${fifty.toFixed(2)}`],
      ]));
    }

    // B3: renames, 16 connections, each request another connector (no version conflicts)
    let n = 0;
    const renames = (o: Org) => Array.from({ length: 400 }, (_, i) => body(B3, { i: { id: o.connectorIds[i % o.connectorIds.length], name: `Bench ${i} ${++n}` } }));
    const b3 = await measure(plugboards.map((target) => ({ target, bodies: renames(target.child.ready.big!) })), 16);
    for (const t of plugboards) {
      const r = b3.get(t)!;
      const ratio = r.perSecond! / b1Base.perSecond!;
      const pg = t.name.includes("PostgreSQL");
      rows.push(pg
        ? judge({ ...r, scenario: "B3", ratio, goal: "≥ 0.25× B1's baseline, p99 ≤ 25 ms, ≤ 5 SQL" }, [
            [ratio >= 0.25, `${ratio.toFixed(2)}×`], [r.p99! <= 25, `p99 ${r.p99} ms`], [r.sqlPerRequest! <= 5, `SQL ${r.sqlPerRequest!.toFixed(2)}`],
          ])
        : { ...r, scenario: "B3", ratio, goal: "report" });
    }
    return rows;
  } finally {
    await Promise.all([load, ...children].map((c) => c.stop()));
  }
}
