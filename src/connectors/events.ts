import type { Tx } from "../db/client.js";
import { newId } from "../db/ids.js";
import type { Connector, ConnectorEvent } from "../generated/prisma/client.js";
import type { ConnectorEventKind, ConnectorState } from "../generated/prisma/enums.js";
import { enqueueWebhookDeliveries, type WebhookCandidate } from "./webhook-queue.js";

/** What a discovery changed in a connector's tools, by name: the event's toolChanges. */
export interface ToolChanges {
  added: string[];
  removed: string[];
  /** redefined upstream (description, schemas, annotations, title) */
  changed: string[];
  /** newly held by drift control: disabled with pendingReview until someone enables them */
  held: string[];
}

/**
 * The kind of a change's event, decided here only: a change of state is STATE_CHANGED whatever
 * caused it, a change of the tool set TOOLS_CHANGED, anything else UPDATED.
 */
export function eventKind(before: ConnectorState, after: ConnectorState, toolsChanged: boolean): ConnectorEventKind {
  if (before !== after) return "STATE_CHANGED";
  return toolsChanged ? "TOOLS_CHANGED" : "UPDATED";
}

/**
 * An event row: the audit trail entry and the outbox of subscriptions. Its seq is what clients
 * resume after, so within an organization seq order must be commit order: a seq taken at insert
 * by a transaction that commits late would fall behind one a reader already passed, and be missed
 * by every resume. So the organization's row is locked first (FOR NO KEY UPDATE: rows that only
 * reference the organization are not held up) and the seq is drawn once this transaction is the
 * only event writer of its organization; the next one waits for this commit and draws a higher one.
 * The webhook deliveries the event calls for are queued in the same transaction.
 *
 * Lock, insert and the webhook lookup are one statement of constant text (Prisma 6 compiles every
 * create anew): the INSERT selects FROM the locked row, so its seq is drawn only once the lock is
 * held, and an organization that is gone writes no event (and the change rolls back).
 */
export async function writeEvent(
  tx: Tx,
  c: Pick<Connector, "id" | "organizationId" | "scope" | "createdById" | "ownerApiKeyId" | "state" | "version">,
  kind: ConnectorEventKind,
  previousState: ConnectorState | null,
  actorId: string | null,
  toolChanges?: ToolChanges | null,
): Promise<ConnectorEvent> {
  const event: Omit<ConnectorEvent, "seq"> = {
    id: newId("evt"),
    connectorId: c.id,
    organizationId: c.organizationId,
    scope: c.scope,
    ownerUserId: c.createdById,
    ownerApiKeyId: c.ownerApiKeyId,
    kind,
    previousState,
    state: kind === "DELETED" ? null : c.state,
    version: c.version,
    actorId,
    toolChanges: toolChanges ? { ...toolChanges } : null,
    at: new Date(),
  };
  const rows = await tx.$queryRaw<Array<{ seq: string } & Partial<WebhookCandidate>>>`
    WITH org AS (
      SELECT "id" FROM "Organization" WHERE "id" = ${event.organizationId} FOR NO KEY UPDATE
    ), event AS (
      INSERT INTO "ConnectorEvent" ("id", "connectorId", "organizationId", "scope", "ownerUserId", "ownerApiKeyId", "kind", "previousState", "state", "version", "actorId", "toolChanges", "at")
      SELECT ${event.id}, ${event.connectorId}, org."id", ${event.scope}::"ConnectorScope", ${event.ownerUserId}, ${event.ownerApiKeyId},
             ${event.kind}::"ConnectorEventKind", ${event.previousState}::"ConnectorState", ${event.state}::"ConnectorState", ${event.version}::int,
             ${event.actorId}, ${toolChanges ? JSON.stringify(toolChanges) : null}::jsonb, ${event.at.toISOString()}::timestamp(3)
      FROM org
      RETURNING "seq", "organizationId", "connectorId"
    )
    SELECT event."seq"::text AS "seq", w."id", w."userId", w."apiKeyId"
    FROM event LEFT JOIN "Webhook" w ON w."organizationId" = event."organizationId" AND w."enabled"
      AND (w."connectorId" IS NULL OR w."connectorId" = event."connectorId")`;
  if (!rows.length) throw new Error(`organization ${event.organizationId} is gone: no event for connector ${c.id}`);
  const written: ConnectorEvent = { ...event, seq: BigInt(rows[0].seq) };
  await enqueueWebhookDeliveries(tx, written, rows.filter((r): r is typeof r & WebhookCandidate => r.id != null));
  return written;
}
