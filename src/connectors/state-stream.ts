import { canSeeConnector } from "../auth/visibility.js";
import type { Viewer } from "../auth/viewer.js";
import { isIdOf } from "../db/ids.js";
import { NotFoundError } from "../errors.js";
import { entityStream } from "../events/entity-stream.js";
import type { Connector } from "../generated/prisma/client.js";
import type { Services } from "../services.js";
import { shareable } from "../events/shared-payload.js";
import { visibleConnector } from "./access.js";

/** connectorStateChanged: the connector now, then again after every change, ending after its delete. */
export async function connectorStateStream(services: Services, viewer: Viewer, id: string): Promise<AsyncIterableIterator<Connector | Error>> {
  if (!isIdOf("conn", id)) throw new NotFoundError(id, "connector");
  return entityStream<Connector>({
    // the hub reads missed events itself after an outage, so no re-read is needed here
    listen: (on) =>
      services.connectorEvents.listen(
        viewer.organizationId,
        {
          // the one load of the connector for this event, which every subscriber receives as is
          event: (e) => on.change({ version: e.row.version, deleted: e.row.kind === "DELETED", load: () => e.connector().then((c) => c && shareable(c)) }),
          end: on.end,
        },
        id,
      ),
    current: () => visibleConnector(services.db, viewer, id),
    visible: (c) => canSeeConnector(viewer, c),
    notFound: () => new NotFoundError(id, "connector"),
    failed: (err) => {
      services.logger.error({ err, connectorId: id }, "connectorStateChanged failed");
      return err instanceof Error ? err : new Error(String(err));
    },
  });
}
