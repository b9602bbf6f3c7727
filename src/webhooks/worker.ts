import type { GraphQLSchema } from "graphql";
import type { WebhookDeliveryStatus } from "../generated/prisma/enums.js";
import { freeAt, runLeased } from "../scheduling/leased.js";
import { type Periodic, periodic } from "../scheduling/periodic.js";
import type { Services } from "../services.js";
import { attemptDelivery } from "./deliver.js";

const OPEN: WebhookDeliveryStatus[] = ["PENDING", "FAILED"];
const BATCH = 100;
/** passes run back to back while there is work, up to this many, before waiting for the next tick */
const MAX_ROUNDS = 20;

/**
 * One pass over the queue: the due deliveries that head their (webhook, connector) line — no earlier
 * delivery of that line is still PENDING or FAILED — are claimed with a lease and attempted. A
 * connector's next event thus waits until the one before is DELIVERED, EXHAUSTED or SKIPPED, and of
 * several instances on one database only one attempts each delivery. Returns the attempts made.
 */
export async function deliverDue(services: Services, schema: GraphQLSchema, o: { concurrency?: number } = {}): Promise<number> {
  const { db, config } = services;
  const now = new Date();
  const due = await db.webhookDelivery.findMany({
    where: { status: { in: OPEN }, nextAttemptAt: { lte: now }, ...freeAt("leaseUntil", now) },
    orderBy: { seq: "asc" },
    take: BATCH,
    select: { id: true, seq: true, webhookId: true, connectorId: true },
  });
  if (!due.length) return 0;
  const lines = [...new Map(due.map((d) => [`${d.webhookId} ${d.connectorId}`, { webhookId: d.webhookId, connectorId: d.connectorId }])).values()];
  const heads = await db.webhookDelivery.groupBy({
    by: ["webhookId", "connectorId"],
    where: { status: { in: OPEN }, OR: lines },
    _min: { seq: true },
  });
  const head = new Map(heads.map((h) => [`${h.webhookId} ${h.connectorId}`, h._min.seq]));
  const ready = due.filter((d) => head.get(`${d.webhookId} ${d.connectorId}`) === d.seq);
  // the lease outlasts an attempt (its timeout) with room for preparing and recording it
  const until = new Date(now.getTime() + config.webhooks.timeoutMs + 60_000);
  const outcomes = await runLeased(
    ready.map((d) => ({
      log: { webhookDeliveryId: d.id },
      claim: () =>
        db.webhookDelivery
          // due still: another instance may have failed it meanwhile, and its backoff holds
          .updateMany({ where: { id: d.id, status: { in: OPEN }, nextAttemptAt: { lte: now }, ...freeAt("leaseUntil", now) }, data: { leaseUntil: until } })
          .then((r) => r.count === 1),
      run: () => attemptDelivery(services, schema, d.id, until),
    })),
    { concurrency: o.concurrency ?? 8, logger: services.logger, what: "webhook delivery" },
  );
  return outcomes.filter((x) => x.kind !== "lost").length;
}

/**
 * The triggered worker: looks at the queue every WEBHOOK_POLL_INTERVAL (and at once on start, so
 * that what was queued before a restart goes out), and keeps going while it finds work.
 */
export function createWebhookWorker(services: Services, schema: GraphQLSchema): Periodic<number> {
  let stopping = false;
  const pass = async () => {
    let total = 0;
    for (let round = 0; round < MAX_ROUNDS && !stopping; round++) {
      const n = await deliverDue(services, schema);
      total += n;
      if (!n) break;
    }
    return total;
  };
  const inner = periodic(pass, { what: "webhook delivery", intervalMs: services.config.webhooks.pollIntervalMs, logger: services.logger, failed: 0 });
  return {
    start() {
      stopping = false;
      inner.start();
      void inner.runNow();
    },
    stop() {
      stopping = true;
      return inner.stop();
    },
    runNow: inner.runNow,
  };
}
