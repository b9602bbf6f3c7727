import type { Db } from "../db/client.js";
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
  let writer: Promise<void> | null = null;
  let scheduled = false;
  let inFlight = 0;

  async function write(batch: CallRecord[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await insertRows(db, batch);
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

  // One writer at a time, taking whatever is queued when the last insert ends: under load, the
  // calls answered during one insert share the next (group commit), instead of one insert per tick.
  function drain(): Promise<void> {
    scheduled = false;
    if (writer || !queue.length) return writer ?? Promise.resolve();
    // (the queue is not empty, so the loop awaits before `finally` clears writer)
    writer = (async () => {
      try {
        while (queue.length) {
          const taken = queue.splice(0, BATCH);
          await write(taken);
          inFlight -= taken.length;
        }
      } finally {
        writer = null;
      }
    })();
    return writer;
  }

  return {
    add(record) {
      queue.push(record);
      inFlight++;
      if (!scheduled && !writer) {
        scheduled = true;
        setImmediate(drain);
      }
    },
    flush: () => (inFlight === 0 ? Promise.resolve() : drain()),
    get pending() {
      return inFlight;
    },
  };
}

/**
 * One statement for any number of rows, its text the same every time: Prisma 6 compiles every
 * create and createMany anew (it has no plan cache), which was the larger part of a gateway call's
 * own CPU. A connector deleted since the call is recorded with none, as its foreign key would do.
 */
async function insertRows(db: Db, batch: CallRecord[]): Promise<void> {
  const rows = batch.map(toolCallRow);
  const column = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k] ?? null);
  await db.$executeRaw`
    INSERT INTO "ToolCall" ("id", "organizationId", "connectorId", "scope", "ownerUserId", "ownerApiKeyId", "toolName", "outcome", "errorMessage", "apiKeyId", "userId", "startedAt", "durationMs")
    SELECT r.id, r.org, c."id", r.scope::"ConnectorScope", r.owner_user, r.owner_key, r.tool, r.outcome::"ToolCallOutcome", r.error, r.key, r.usr, r.started::timestamp(3), r.duration
    FROM unnest(${column("id")}::text[], ${column("organizationId")}::text[], ${column("connectorId")}::text[], ${column("scope")}::text[],
                ${column("ownerUserId")}::text[], ${column("ownerApiKeyId")}::text[], ${column("toolName")}::text[], ${column("outcome")}::text[],
                ${column("errorMessage")}::text[], ${column("apiKeyId")}::text[], ${column("userId")}::text[],
                ${rows.map((r) => (r.startedAt as Date).toISOString())}::text[], ${column("durationMs")}::int[])
      AS r(id, org, connector, scope, owner_user, owner_key, tool, outcome, error, key, usr, started, duration)
    LEFT JOIN "Connector" c ON c."id" = r.connector
    ON CONFLICT ("id") DO NOTHING`;
}
