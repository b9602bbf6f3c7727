// B7: the resident memory of `node dist/src/main.js` as it is deployed (production mode, logging
// off), a few seconds after it answers /readyz, on a fresh PGlite data directory and on a scratch
// PostgreSQL database; and how long it took to be ready.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateKeySpec } from "../src/crypto/keyring.js";
import { scratchPostgres } from "./database.js";
import { rssMb } from "./harness/proc.js";
import { type Row, judge } from "./harness/table.js";

const MAIN = fileURLToPath(new URL("../dist/src/main.js", import.meta.url));
const SETTLE_MS = 3000;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

async function idleRss(env: Record<string, string>): Promise<{ rss: number; readyMs: number }> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "silent", PORT: String(port), HOST: "127.0.0.1", BOOTSTRAP_API_KEY: `pb_bench_${randomBytes(24).toString("hex")}`, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`dist/src/main.js exited (${child.exitCode}); run npm run build`);
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const readyMs = performance.now() - t0;
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    return { rss: rssMb(child.pid!), readyMs };
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

export async function idle(postgresUrl: string | undefined): Promise<Row[]> {
  const rows: Row[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), "plugboard-bench-"));
  try {
    const { rss, readyMs } = await idleRss({ DATA_DIR: dataDir, DATABASE_URL: "" });
    rows.push({ scenario: "B7", target: "Plugboard, PGlite: dist/src/main.js idle after start", rssMb: rss, goal: "report", note: `ready in ${readyMs.toFixed(0)} ms` });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (postgresUrl) {
    const scratch = await scratchPostgres(postgresUrl);
    try {
      const { rss, readyMs } = await idleRss({ DATABASE_URL: scratch.url, ENCRYPTION_KEYS: generateKeySpec("bench") });
      rows.push(judge({ scenario: "B7", target: "Plugboard, PostgreSQL: dist/src/main.js idle after start", rssMb: rss, goal: "≤ 120 MB", note: `ready in ${readyMs.toFixed(0)} ms` }, [[rss <= 120, `${rss.toFixed(0)} MB`]]));
    } finally {
      await scratch.drop();
    }
  }
  return rows;
}
