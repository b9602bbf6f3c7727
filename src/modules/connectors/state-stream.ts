import { canSeeConnector, visibleConnectorsWhere } from "../../auth/visibility.js";
import type { Viewer } from "../../auth/viewer.js";
import { prisma } from "../../db/client.js";
import { isIdOf } from "../../db/ids.js";
import { NotFoundError } from "../../errors.js";
import { Channel, END, pull, SKIP } from "../../events/channel.js";
import { type LiveEvent, listenToConnectorEvents } from "../../events/listen.js";
import { LIMITS, tooSlow } from "../../events/limits.js";
import type { PubSub } from "../../events/pubsub.js";
import type { Connector } from "../../generated/prisma/client.js";

type Item = LiveEvent | { current: Connector } | { error: Error };

/**
 * connectorStateChanged: the connector now, then again after every change, ending after its delete.
 * Listening starts before the first read, so no change falls between them; an event re-loads the
 * connector (one load per event, shared by every subscriber of this process), and any version not
 * above the last one sent is dropped, so the version never goes backwards and the last committed
 * state is always the last one sent.
 */
export async function connectorStateStream(bus: PubSub, viewer: Viewer, id: string): Promise<AsyncIterableIterator<Connector | Error>> {
  if (!isIdOf("conn", id)) throw new NotFoundError(id, "connector");
  const channel = new Channel<Item>(LIMITS.queuedEventsPerSubscriber, () => ({ error: tooSlow() }), () => unlisten());
  const unlisten = listenToConnectorEvents(bus, viewer.organizationId, { event: (e) => channel.push(e), end: () => channel.end() }, id);
  await channel.startWith(
    () => prisma.connector.findFirst({ where: { id, ...visibleConnectorsWhere(viewer) } }),
    (current) => ({ current }),
    () => new NotFoundError(id, "connector"),
  );
  let last = 0;

  return pull(
    channel,
    async (item) => {
      if ("error" in item) return item.error;
      if ("current" in item) {
        last = item.current.version;
        return item.current;
      }
      if (item.row.kind === "DELETED") return END;
      if (item.row.version <= last) return SKIP;
      const c = await item.connector();
      if (!c || !canSeeConnector(viewer, c)) return END;
      if (c.version <= last) return SKIP;
      last = c.version;
      return c;
    },
    (err) => {
      bus.logger?.error({ err, connectorId: id }, "connectorStateChanged failed");
      return err instanceof Error ? err : new Error(String(err));
    },
  );
}
