import type { ConnectorEvent } from "../generated/prisma/client.js";
import type { PubSub } from "./pubsub.js";
import type { ConnectorEventMessage } from "./topics.js";

/**
 * Called only after the transaction that wrote the event row has committed. Never throws: the
 * mutation has already happened, and a transport failure (Redis down) must not turn it into an
 * error; subscribers catch up from the audit trail (see connector-hub.ts).
 */
export function publishConnectorEvent(pubsub: PubSub, event: ConnectorEvent): void {
  try {
    pubsub.publish("connector-events", event.organizationId, toMessage(event));
  } catch (err) {
    pubsub.logger?.error({ err, eventId: event.id }, "publishing a connector event failed");
  }
}

export function publishPersonalConfigurationChange(
  pubsub: PubSub,
  change: { id: string; version: number; deleted?: boolean },
): void {
  try {
    pubsub.publish("personal-configuration", change.id, {
      personalConfigurationId: change.id,
      version: change.version,
      deleted: change.deleted ?? false,
    });
  } catch (err) {
    pubsub.logger?.error({ err, personalConfigurationId: change.id }, "publishing a configuration change failed");
  }
}

export function toMessage(e: ConnectorEvent): ConnectorEventMessage {
  return {
    id: e.id,
    seq: e.seq.toString(),
    connectorId: e.connectorId,
    organizationId: e.organizationId,
    scope: e.scope,
    ownerUserId: e.ownerUserId,
    ownerApiKeyId: e.ownerApiKeyId,
    kind: e.kind,
    previousState: e.previousState,
    state: e.state,
    version: e.version,
    actorId: e.actorId,
    ...(e.toolChanges == null ? {} : { toolChanges: e.toolChanges }),
    at: e.at.toISOString(),
  };
}

/** The row again, as Prisma would return it (the GraphQL type resolves from rows). */
export function fromMessage(m: ConnectorEventMessage): ConnectorEvent {
  return { ...m, toolChanges: (m.toolChanges ?? null) as ConnectorEvent["toolChanges"], seq: BigInt(m.seq), at: new Date(m.at) };
}
