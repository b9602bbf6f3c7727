import type { Logger } from "../logger.js";
import type { CoreServices } from "../services.js";
import { type CallRecord, toolCallRow } from "./record.js";

/** Rows written in one statement at most; a burst of calls becomes a few inserts. */
const BATCH = 500;
const RETRIES = 5;

/**
 * ToolCall rows written just after the agent has its answer, never before: the call does not wait
 * for the database, and calls made together share one insert. Reads of this instance wait for what
 * is queued (flush, from the GraphQL context), so a frontend that asks right after a call sees it.
 * A failed insert is tried again with backoff and only then logged as lost; shutdown flushes.
 */
export interface ToolCallLog {
  add(record: CallRecord): void;
  /** resolves once every row added so far is written (or given up on) */
  flush(): Promise<void>;
  readonly pending: number;
}

export function createToolCallLog({ db, logger }: Pick<CoreServices, "db"> & { logger: Logger }): ToolCallLog {
  let queue: CallRecord[] = [];
  let writing: Promise<void> = Promise.resolve();
  let scheduled = false;
  let inFlight = 0;

  async function write(batch: CallRecord[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        // createMany runs in a transaction of its own (two round trips): one row goes alone
        if (batch.length === 1) await db.toolCall.create({ data: toolCallRow(batch[0]), select: { id: true } });
        else await db.toolCall.createMany({ data: batch.map(toolCallRow), skipDuplicates: true });
        return;
      } catch (e) {
        if (attempt >= RETRIES) {
          logger.error({ err: e, rows: batch.length, ids: batch.slice(0, 10).map((r) => r.id) }, "could not record tool calls");
          return;
        }
        await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      }
    }
  }

  function drain(): Promise<void> {
    scheduled = false;
    const taken = queue;
    queue = [];
    // one insert at a time, in order: rows queued meanwhile go in the next one
    writing = writing.then(async () => {
      for (let i = 0; i < taken.length; i += BATCH) await write(taken.slice(i, i + BATCH));
      inFlight -= taken.length;
    });
    return writing;
  }

  return {
    add(record) {
      queue.push(record);
      inFlight++;
      if (!scheduled) {
        scheduled = true;
        setImmediate(drain);
      }
    },
    flush: () => (inFlight === 0 ? Promise.resolve() : queue.length ? drain() : writing),
    get pending() {
      return inFlight;
    },
  };
}
