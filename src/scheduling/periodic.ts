import type { Logger } from "../logger.js";

export interface Periodic<T> {
  start(): void;
  /** stops the timer and waits for a pass in progress */
  stop(): Promise<void>;
  /** runs a pass now (or joins the one in progress) */
  runNow(): Promise<T>;
}

export interface PeriodicOptions<T> {
  /** names the pass in the log line of a pass that failed */
  what: string;
  intervalMs: number;
  logger: Logger;
  /** what a failed pass counts as */
  failed: T;
}

/**
 * Runs `pass` every `intervalMs`. Passes never overlap within one instance (a tick during a pass
 * joins it); across instances the work's leases keep each item to one of them.
 */
export function periodic<T>(pass: () => Promise<T>, options: PeriodicOptions<T>): Periodic<T> {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<T> | null = null;
  const runNow = () => {
    running ??= pass()
      .catch((err) => {
        options.logger.error({ err }, `${options.what} pass failed`);
        return options.failed;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  return {
    start() {
      if (timer) return;
      timer = setInterval(() => void runNow(), options.intervalMs);
      timer.unref(); // a pending pass must not keep a stopping process alive
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
    runNow,
  };
}
