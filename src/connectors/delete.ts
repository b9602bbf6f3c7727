import type { Viewer } from "../auth/viewer.js";
import { CONFLICT, optimisticWrite } from "../db/optimistic.js";
import { publishConnectorEvent } from "../events/publish.js";
import type { Services } from "../services.js";
import { manageableConnector } from "./access.js";
import { writeEvent } from "./events.js";

/**
 * Deletes a connector with its tools, credentials and pending authorizations (cascade). The DELETED
 * event (version + 1) outlives it: the event table keeps no foreign key to connectors. Like every
 * change, the delete only happens if nobody changed the row since it was read. Its tokens are
 * revoked once, before the first attempt (best effort: they go with the row anyway).
 */
export async function deleteConnector(services: Services, viewer: Viewer, id: string): Promise<string> {
  await services.authorization.revoke(await manageableConnector(services.db, viewer, id));
  return optimisticWrite(`connector ${id}`, async () => {
    const c = await manageableConnector(services.db, viewer, id);
    const event = await services.db.$transaction(async (tx) => {
      const { count } = await tx.connector.deleteMany({ where: { id: c.id, version: c.version } });
      if (count === 0) return null;
      return writeEvent(tx, { ...c, version: c.version + 1 }, "DELETED", c.state, viewer.userId);
    });
    if (!event) return CONFLICT;
    publishConnectorEvent(services.pubsub, event);
    return c.id;
  });
}
