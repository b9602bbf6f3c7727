// `npm run bench`: the scenarios in one run, each printing its figures (no pass/fail).
// BENCH_SCENARIOS: fanout,gateway (both by default). TEST_DATABASE_URL for PostgreSQL (a scratch
// database is made and dropped), else in-memory PGlite. Figures of record are in BENCHMARKS.md.
import { fanout } from "./fanout.js";
import { gateway } from "./gateway.js";

const SCENARIOS: Record<string, () => Promise<void>> = { fanout, gateway };

async function main() {
  const names = (process.env.BENCH_SCENARIOS ?? "fanout,gateway").split(",").map((s) => s.trim()).filter(Boolean);
  for (const name of names) {
    const run = SCENARIOS[name];
    if (!run) throw new Error(`BENCH_SCENARIOS: unknown scenario "${name}" (known: ${Object.keys(SCENARIOS).join(", ")})`);
    await run();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
