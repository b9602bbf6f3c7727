import { ConnectorHub, type EventTrail, type HubListener } from "./connector-hub.js";
import type { PubSub } from "./pubsub.js";

export type { EventTrail, HubListener, LiveEvent } from "./connector-hub.js";

/** The connector event hubs of one app: one per organization with live subscribers. */
export interface ConnectorHubs {
  /** Listens to the committed events of one organization (or one of its connectors); returns the unlisten. */
  listen(organizationId: string, listener: HubListener, connectorId?: string): () => void;
  /** how many subscribers listen to one organization's events (tests, benchmark) */
  listenerCount(organizationId: string): number;
}

export function createConnectorHubs(bus: PubSub, trail: EventTrail): ConnectorHubs {
  const hubs = new Map<string, ConnectorHub>();
  return {
    listen(organizationId, listener, connectorId) {
      let hub = hubs.get(organizationId);
      if (!hub) {
        const created: ConnectorHub = new ConnectorHub(bus, trail, organizationId, () => {
          // gone idle: the next subscriber of this organization starts a fresh hub
          if (hubs.get(organizationId) === created) hubs.delete(organizationId);
        });
        hubs.set(organizationId, (hub = created));
      }
      return hub.listen(listener, connectorId);
    },
    listenerCount: (organizationId) => hubs.get(organizationId)?.size ?? 0,
  };
}
