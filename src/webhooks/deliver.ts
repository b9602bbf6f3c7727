import type { GraphQLSchema } from "graphql";
import { eventMatchesStream } from "../connectors/event-stream.js";
import type { Context } from "../context.js";
import { fromMessage } from "../events/publish.js";
import type { ConnectorEventMessage } from "../events/topics.js";
import type { Prisma, Webhook, WebhookDelivery } from "../generated/prisma/client.js";
import type { WebhookDeliveryStatus } from "../generated/prisma/enums.js";
import type { Services } from "../services.js";
import { retryDelayMs } from "./backoff.js";
import { executeWebhookDocument, parseWebhookDocument } from "./document.js";
import { webhookPrincipal } from "./principal.js";
import { type SendOutcome, sendSigned } from "./send.js";

/** One entry of a delivery's history, as `attemptHistory` shows it. */
export interface AttemptRecord {
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

type Prepared = { skip: string } | { body: string };

/**
 * What the receiver would be sent: the document's result for the event, with the registering
 * principal's eyes. Nothing is sent (SKIPPED, with the reason) when the principal is gone, the
 * webhook was disabled, or the event does not match the document or is not the principal's to see.
 */
async function prepare(services: Services, schema: GraphQLSchema, d: WebhookDelivery, hook: Webhook): Promise<Prepared> {
  if (!hook.enabled) return { skip: "not sent: the webhook is disabled" };
  const principal = await webhookPrincipal(services.db, hook);
  if ("gone" in principal) return { skip: `not sent: ${principal.gone}` };
  const { viewer } = principal;
  let parsed;
  try {
    parsed = parseWebhookDocument(schema, hook.document, hook.variables as Record<string, unknown> | null);
  } catch (e) {
    return { skip: `not sent: the document no longer validates (${(e as Error).message})` };
  }
  const row = d.testEvent ? fromMessage(d.testEvent as unknown as ConnectorEventMessage) : await services.db.connectorEvent.findUnique({ where: { id: d.eventId! } });
  if (!row) return { skip: "not sent: the event no longer exists" };
  if (!d.test && !(await eventMatchesStream(services, { viewer, connectorId: parsed.connectorId, filter: parsed.filter }, row))) {
    return { skip: "not sent: the event does not match the document's arguments" };
  }
  const origin = services.config.publicUrl ? new URL(services.config.publicUrl).origin : "";
  const context: Context = { viewer, services, origin, logger: services.logger };
  // a test event has no row: its actor is known to be none, so that the relation is not looked up
  const root = d.test ? { ...row, actor: null } : row;
  const result = await executeWebhookDocument(schema, parsed, root, context);
  return { body: JSON.stringify(result) };
}

/**
 * One attempt of a delivery this instance holds the lease of: prepare, send, record. The record is
 * written only while the lease is still this one's, so a slow attempt whose lease ran out cannot
 * overwrite the outcome of the instance that took over.
 */
export async function attemptDelivery(services: Services, schema: GraphQLSchema, id: string, lease: Date): Promise<WebhookDeliveryStatus | null> {
  const { db, config } = services;
  const d = await db.webhookDelivery.findUnique({ where: { id }, include: { webhook: true } });
  if (!d || d.leaseUntil?.getTime() !== lease.getTime()) return null;
  const { webhook: hook, ...delivery } = d;
  const started = Date.now();
  let prepared: Prepared;
  try {
    prepared = await prepare(services, schema, delivery, hook);
  } catch (err) {
    services.logger.error({ err, webhookDeliveryId: id }, "preparing a webhook delivery failed");
    return record(services, delivery, lease, { statusCode: null, error: "the delivery could not be prepared" }, started);
  }
  if ("skip" in prepared) {
    const { count } = await db.webhookDelivery.updateMany({
      where: { id, leaseUntil: lease },
      data: { status: "SKIPPED", lastError: prepared.skip, leaseUntil: null },
    });
    return count ? "SKIPPED" : null;
  }
  const secret = services.secrets.open("Webhook.secretEnc", hook.id, hook.secretEnc);
  const outcome = await sendSigned(services, config.webhooks, { url: hook.url, id: delivery.id, secret, body: prepared.body, test: delivery.test });
  return record(services, delivery, lease, outcome, started);
}

async function record(services: Services, d: WebhookDelivery, lease: Date, outcome: SendOutcome, started: number): Promise<WebhookDeliveryStatus | null> {
  const { maxAttempts } = services.config.webhooks;
  const now = new Date();
  const attempts = d.attempts + 1;
  const delivered = outcome.error === null;
  const status: WebhookDeliveryStatus = delivered ? "DELIVERED" : attempts >= maxAttempts ? "EXHAUSTED" : "FAILED";
  const entry: AttemptRecord = { at: now.toISOString(), statusCode: outcome.statusCode, error: outcome.error, durationMs: now.getTime() - started };
  const { count } = await services.db.webhookDelivery.updateMany({
    where: { id: d.id, leaseUntil: lease },
    data: {
      status,
      attempts,
      lastStatusCode: outcome.statusCode,
      lastError: outcome.error,
      history: [...(d.history as unknown as AttemptRecord[]), entry] as unknown as Prisma.InputJsonValue,
      leaseUntil: null,
      ...(delivered ? { deliveredAt: now } : {}),
      ...(status === "FAILED" ? { nextAttemptAt: new Date(now.getTime() + retryDelayMs(services.config.webhooks, attempts)) } : {}),
    },
  });
  return count ? status : null;
}
