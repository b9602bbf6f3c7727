import type { Logger } from "../logger.js";

/** One piece of a pass's work: claimed first, so that of several instances only one does it. */
export interface LeasedTask<R> {
  /** for the log line of a task that crashed */
  log: Record<string, unknown>;
  /** the conditional write that gives this instance the task; false: another instance has it */
  claim(): Promise<boolean>;
  run(): Promise<R>;
}

export type TaskOutcome<R> = { kind: "lost" } | { kind: "done"; value: R } | { kind: "crashed" };

/**
 * Runs the tasks, at most `concurrency` at once, each claimed just before it runs: a lease taken
 * for a task still queued behind slow ones could run out before its turn, and another instance
 * would do it too. A task that throws is logged and does not stop the others.
 */
export async function runLeased<R>(tasks: readonly LeasedTask<R>[], options: { concurrency: number; logger: Logger; what: string }): Promise<TaskOutcome<R>[]> {
  const outcomes: TaskOutcome<R>[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      const task = tasks[i];
      try {
        outcomes[i] = (await task.claim()) ? { kind: "done", value: await task.run() } : { kind: "lost" };
      } catch (err) {
        // one broken row (a secret sealed with a removed key, say) must not stop the pass
        options.logger.error({ ...task.log, err }, `${options.what} crashed`);
        outcomes[i] = { kind: "crashed" };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, tasks.length) }, worker));
  return outcomes;
}

/**
 * How long a periodic claim holds: a tenth less than the interval, so that the next pass of the
 * instance that took it finds it free even when its timer fires a little early or this pass started
 * late. Claims of one row are still at least this far apart, whichever instance makes them.
 */
export const leaseFor = (intervalMs: number, now: Date) => new Date(now.getTime() + Math.ceil(intervalMs * 0.9));

/** A lease column that is free at `now`. */
export const freeAt = <K extends string>(column: K, now: Date) =>
  ({ OR: [{ [column]: null }, { [column]: { lt: now } }] }) as { OR: Array<Record<K, null | { lt: Date }>> };
