import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import { connectionOwner, type Viewer } from "../auth/viewer.js";
import { operationCost } from "./query-cost.js";

/** RATE_LIMIT_CAPACITY and RATE_LIMIT_RESTORE: a bucket of query cost per API key or user. */
export interface CostLimitConfig {
  /** the most points a bucket holds (what a burst may spend); 0 turns the limit off */
  capacity: number;
  /** points given back each second */
  restorePerSecond: number;
}

export const DEFAULT_COST_LIMIT: CostLimitConfig = { capacity: 20_000, restorePerSecond: 1_000 };

type Taken = { ok: true; remaining: number } | { ok: false; retryAfter: number; remaining: number };

/**
 * Leaky buckets of query cost, one per API key (or signed-in user) on this instance, as Shopify
 * meters its Admin API: an operation takes its cost from its bucket, which fills back at a steady
 * rate; one that finds too little is refused, told when enough will be back. Idle buckets are
 * dropped once full again, so the map holds only the keys spending now.
 */
export class CostBuckets {
  private readonly buckets = new Map<string, { level: number; at: number }>();

  constructor(readonly config: CostLimitConfig) {}

  take(owner: string, cost: number, now = Date.now()): Taken {
    const { capacity, restorePerSecond } = this.config;
    const b = this.buckets.get(owner);
    const level = b ? Math.min(capacity, b.level + ((now - b.at) / 1_000) * restorePerSecond) : capacity;
    if (cost > level) {
      const retryAfter = Math.max(1, Math.ceil((Math.min(cost, capacity) - level) / restorePerSecond));
      this.buckets.set(owner, { level, at: now });
      return { ok: false, retryAfter, remaining: Math.floor(level) };
    }
    this.buckets.set(owner, { level: level - cost, at: now });
    if (this.buckets.size > 10_000) this.sweep(now);
    return { ok: true, remaining: Math.floor(level - cost) };
  }

  private sweep(now: number): void {
    const { capacity, restorePerSecond } = this.config;
    for (const [k, b] of this.buckets) if (b.level + ((now - b.at) / 1_000) * restorePerSecond >= capacity) this.buckets.delete(k);
  }
}

const costOf = (args: { schema: unknown; document: unknown; operationName?: string | null; variableValues?: unknown }) =>
  operationCost(args.schema as never, args.document as never, args.operationName, args.variableValues as Record<string, unknown> | null);

/**
 * Charges every operation (query, mutation, subscription; HTTP, SSE and graphql-ws alike) its cost
 * before it runs. The answer says what it cost in `extensions.cost`; a refusal is RATE_LIMITED with
 * `retryAfter` (HTTP 429 with Retry-After), and runs nothing.
 */
export function useCostLimit(buckets: CostBuckets): Plugin {
  const { capacity, restorePerSecond } = buckets.config;
  const charge = (args: Parameters<typeof costOf>[0] & { contextValue: unknown }) => {
    const viewer = (args.contextValue as { viewer?: Viewer }).viewer;
    if (!viewer || capacity <= 0) return null;
    const requested = costOf(args);
    return { requested, taken: buckets.take(connectionOwner(viewer), requested) };
  };
  const refusal = (requested: number, t: Extract<Taken, { ok: false }>) =>
    new GraphQLError(
      requested > capacity
        ? `This operation costs ${requested} points, more than the ${capacity} a client may spend at once: ask for smaller pages`
        : `Rate limited: this operation costs ${requested} points and ${t.remaining} are left; ${restorePerSecond} come back each second`,
      {
        extensions: {
          code: "RATE_LIMITED",
          retryAfter: t.retryAfter,
          cost: { requested, remaining: t.remaining, capacity, restorePerSecond },
          http: { status: 429, headers: { "Retry-After": String(t.retryAfter) } },
        },
      },
    );
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const c = charge(args);
      if (!c) return;
      if (!c.taken.ok) return void setResultAndStopExecution({ errors: [refusal(c.requested, c.taken)] });
      const cost = { requested: c.requested, remaining: c.taken.remaining, capacity, restorePerSecond };
      return {
        onExecuteDone({ result, setResult }) {
          if ("data" in result || "errors" in result) setResult({ ...result, extensions: { ...result.extensions, cost } });
        },
      };
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const c = charge(args);
      if (c && !c.taken.ok) setResultAndStopExecution({ errors: [refusal(c.requested, c.taken)] });
    },
  };
}
