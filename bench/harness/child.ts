import { type ChildProcess, execFileSync, fork } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * Compiles src and bench into dist (tsconfig.bench.json, incremental): the targets run as the
 * deployment does, the code tsc emits on plain node, not esbuild's output under tsx's loader; B7
 * starts the dist/src/main.js it emits. (The one build of a bench run: npm run bench has no prebench.)
 */
export function compileTargets(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL("../../node_modules/typescript/bin/tsc", import.meta.url)), "-p", "tsconfig.bench.json"], {
    cwd: fileURLToPath(new URL("../..", import.meta.url)),
    stdio: "inherit",
  });
}

export interface Child<Ready> {
  process: ChildProcess;
  pid: number;
  ready: Ready;
  /** one request over IPC, answered by the child's message of the same type */
  ask<T>(type: string, body?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

/**
 * A server or the load generator in a process of its own (compiled: compileTargets first), so that
 * each one's CPU is its own and the load never shares a thread with what it measures.
 */
export async function start<Ready>(script: string, env: Record<string, string> = {}): Promise<Child<Ready>> {
  const child = fork(fileURLToPath(new URL(`../${script}`, import.meta.url)), [], {
    // BENCH_CPU_PROF=<dir>: every child writes a V8 CPU profile there when it exits (after "stop")
    // --expose-gc: a target can collect before its memory is read (what is retained, not garbage)
    execArgv: ["--import", "tsx", "--expose-gc", ...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])],
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "silent", ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const waiting = new Map<string, { resolve: (m: any) => void; reject: (e: Error) => void }>();
  child.on("message", (m: any) => {
    const pending = waiting.get(m.type);
    waiting.delete(m.type);
    pending?.resolve(m);
  });
  child.on("exit", (code) => {
    for (const [type, pending] of waiting) pending.reject(new Error(`${script} exited (${code}) before answering ${type}`));
    waiting.clear();
  });
  const reply = (type: string) => new Promise<any>((resolve, reject) => waiting.set(type, { resolve, reject }));
  const ready = await reply("ready");
  return {
    process: child,
    pid: child.pid!,
    ready,
    async ask(type, body = {}) {
      const answer = reply(type);
      child.send({ type, ...body });
      return answer;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.send({ type: "stop" });
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** For a child: answer the parent's requests by type. */
export function serve(handlers: Record<string, (m: any) => unknown | Promise<unknown>>): void {
  process.on("message", async (m: any) => {
    const handler = handlers[m.type];
    if (!handler) return;
    if (m.type === "stop") {
      // a close that hangs must not keep the process (and its CPU profile) from ending
      await Promise.race([handler(m), new Promise((r) => setTimeout(r, 5_000))]);
      process.exit(0);
    }
    const answer = await handler(m);
    process.send!({ type: m.type, ...(answer as object) });
  });
}
