import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll } from "vitest";
import { PROJECT_ROOT } from "../../src/paths.js";

/** A real `node` process running one of Plugboard's compiled entry points. */
export interface Spawned {
  child: ChildProcess;
  output(): { stdout: string; stderr: string };
  /** resolves with the first match in stdout; rejects if the process exits first */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
}

const running = new Set<ChildProcess>();
const dirs: string[] = [];
afterAll(async () => {
  for (const child of running) child.kill("SIGKILL");
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/**
 * A data directory, removed after the file's tests: empty, or (seeded) holding an embedded database
 * already migrated — a copy of the run's template, to spare each process the seconds of initdb.
 */
export async function dataDir(options: { seeded?: boolean } = {}): Promise<string> {
  const dir = await mkdtemp(join(process.env.PLUGBOARD_TEST_TMP ?? tmpdir(), "data-"));
  dirs.push(dir);
  if (options.seeded) {
    await mkdir(join(dir, "pglite"));
    await promisify(execFile)("tar", ["-xf", process.env.PLUGBOARD_PGLITE_TEMPLATE!, "-C", join(dir, "pglite")]);
  }
  return dir;
}

export function spawnEntry(entry: "main" | "cli", args: string[], env: Record<string, string>): Spawned {
  const base = { ...process.env };
  for (const name of ["DATABASE_URL", "BOOTSTRAP_API_KEY", "REDIS_URL", "PORT", "DATA_DIR", "NODE_OPTIONS"]) delete base[name];
  // the compiled entry points, as `npm start` runs them (`npm test` builds first): tsx would spend
  // seconds compiling the whole source tree at every start
  const child = spawn(process.execPath, [`dist/src/${entry}.js`, ...args], {
    cwd: PROJECT_ROOT,
    env: { ...base, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let stdout = "";
  let stderr = "";
  const listeners = new Set<() => void>();
  child.stdout!.on("data", (chunk) => {
    stdout += chunk;
    for (const l of listeners) l();
  });
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) =>
    child.on("close", (code) => {
      running.delete(child);
      for (const l of listeners) l();
      resolve(code);
    }),
  );
  return {
    child,
    exited,
    output: () => ({ stdout, stderr }),
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(stdout);
          if (match) {
            listeners.delete(check);
            resolve(match);
          } else if (child.exitCode !== null || child.signalCode !== null) {
            listeners.delete(check);
            reject(new Error(`exited (${child.exitCode}) before printing ${pattern}:\n${stdout}\n${stderr}`));
          }
        };
        listeners.add(check);
        check();
      }),
  };
}

/** Starts the server on a data directory; resolves once it serves, with its base URL. */
export async function startMain(env: Record<string, string>) {
  const proc = spawnEntry("main", [], { PORT: "0", ...env });
  const [, url] = await proc.waitFor(/serving GraphQL and GraphiQL at (\S+)\/graphql/);
  const stop = async () => {
    proc.child.kill("SIGTERM");
    return proc.exited;
  };
  return { ...proc, url, stop };
}

/** Runs one CLI command to its end. */
export async function cli(env: Record<string, string>, ...args: string[]) {
  const proc = spawnEntry("cli", args, env);
  const code = await proc.exited;
  return { code, ...proc.output() };
}
