import type { ConnectorEvent } from "../generated/prisma/client.js";
import type { PubSub } from "./pubsub.js";

/** Called only after the transaction that wrote the event row has committed. */
export function publishConnectorEvent(pubsub: PubSub, event: ConnectorEvent): void {
  pubsub.publish("connector-events", event.organizationId, {
    eventId: event.id,
    seq: event.seq.toString(),
    connectorId: event.connectorId,
    kind: event.kind,
    version: event.version,
  });
}

export function publishPersonalConfigurationChange(
  pubsub: PubSub,
  change: { id: string; version: number; deleted?: boolean },
): void {
  pubsub.publish("personal-configuration", change.id, {
    personalConfigurationId: change.id,
    version: change.version,
    deleted: change.deleted ?? false,
  });
}
