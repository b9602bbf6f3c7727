import { canSee } from "../auth/visibility.js";
import type { Tx } from "../db/client.js";
import { newId } from "../db/ids.js";
import type { ConnectorEvent } from "../generated/prisma/client.js";

/** An enabled webhook of the event's organization that names its connector or none. */
export interface WebhookCandidate {
  id: string;
  userId: string | null;
  apiKeyId: string | null;
}

/**
 * Enqueues the event for every enabled webhook of its organization that may receive it, in the
 * transaction that writes the event: a delivery exists exactly when the event committed, so a crash
 * right after commit loses nothing and a rolled-back write sends nothing. (An outbox read after
 * commit through a cursor over the events' seq would skip an event of another connector that
 * commits after a higher seq did.) The candidates come from the event's own INSERT (writeEvent);
 * the INSERT here only where a webhook wants it.
 *
 * Only webhooks whose principal can see the event get a row (canSee on the stored key and user, as
 * for a subscriber), and only those whose document names this connector or none: a delivery of
 * another person's PERSONAL connector would tell its id. The document's filter is applied when the
 * delivery is sent (SKIPPED), where the connector as it is then is at hand.
 */
export async function enqueueWebhookDeliveries(tx: Tx, event: ConnectorEvent, candidates: WebhookCandidate[]): Promise<void> {
  const wanting = candidates.filter((h) => canSee({ organizationId: event.organizationId, userId: h.userId, apiKeyId: h.apiKeyId, role: "ADMIN" }, event));
  if (!wanting.length) return;
  await tx.webhookDelivery.createMany({
    data: wanting.map((h) => ({
      id: newId("whd"),
      webhookId: h.id,
      organizationId: event.organizationId,
      connectorId: event.connectorId,
      eventId: event.id,
    })),
  });
}
