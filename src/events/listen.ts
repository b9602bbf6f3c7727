import { ConnectorHub, type HubListener } from "./connector-hub.js";
import type { PubSub } from "./pubsub.js";

export type { HubListener, LiveEvent } from "./connector-hub.js";

// one hub per organization and bus (tests and several apps in one process each have their own bus)
const hubs = new WeakMap<PubSub, Map<string, ConnectorHub>>();

/** Listens to the committed connector events of one organization through this bus. */
export function listenToConnectorEvents(
  bus: PubSub,
  organizationId: string,
  listener: HubListener,
  connectorId?: string,
): () => void {
  let byOrg = hubs.get(bus);
  if (!byOrg) hubs.set(bus, (byOrg = new Map()));
  let hub = byOrg.get(organizationId);
  if (!hub) {
    const map = byOrg;
    const created: ConnectorHub = new ConnectorHub(bus, organizationId, () => {
      // gone idle: the next subscriber of this organization starts a fresh hub
      if (map.get(organizationId) === created) map.delete(organizationId);
    });
    map.set(organizationId, (hub = created));
  }
  return hub.listen(listener, connectorId);
}

/** How many subscribers listen to one organization's events through this bus (tests, benchmark). */
export function connectorListenerCount(bus: PubSub, organizationId: string): number {
  return hubs.get(bus)?.get(organizationId)?.size ?? 0;
}
