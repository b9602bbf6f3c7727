import type { Tx } from "../db/client.js";
import { newId } from "../db/ids.js";
import type { Connector, ConnectorEvent } from "../generated/prisma/client.js";
import type { ConnectorEventKind, ConnectorState } from "../generated/prisma/enums.js";
import { enqueueWebhookDeliveries } from "./webhook-queue.js";

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

/** An event row: the audit trail entry and the outbox of subscriptions, with its webhook deliveries. */
export async function writeEvent(
  tx: Tx,
  c: Pick<Connector, "id" | "organizationId" | "scope" | "createdById" | "ownerApiKeyId" | "state" | "version">,
  kind: ConnectorEventKind,
  previousState: ConnectorState | null,
  actorId: string | null,
  toolChanges?: ToolChanges | null,
): Promise<ConnectorEvent> {
  const event = await tx.connectorEvent.create({
    data: {
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
      ...(toolChanges ? { toolChanges: { ...toolChanges } } : {}),
    },
  });
  await enqueueWebhookDeliveries(tx, event);
  return event;
}
