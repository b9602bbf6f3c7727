import { isAdmin, type Viewer } from "../auth/viewer.js";
import { visibleConnectorsWhere } from "../auth/visibility.js";
import type { Db } from "../db/client.js";
import { isIdOf } from "../db/ids.js";
import { ForbiddenError, NotFoundError } from "../errors.js";
import type { Connector } from "../generated/prisma/client.js";
import type { CoreServices } from "../services.js";
import { type ChangeOptions, changeConnector } from "./change.js";

/**
 * TEAM connectors belong to the organization, so only ADMINs change them. A PERSONAL connector is
 * visible to its owner alone, so whoever can see it may change it.
 */
export function assertCanManage(viewer: Viewer, c: Pick<Connector, "scope">): void {
  if (c.scope === "TEAM" && !isAdmin(viewer)) {
    throw new ForbiddenError("Only an ADMIN can change a TEAM connector");
  }
}

/** The connector if the viewer may see it; null for a malformed, unknown or invisible id alike. */
export function visibleConnector(db: Db, viewer: Viewer, id: string): Promise<Connector | null> {
  return isIdOf("conn", id) ? db.connector.findFirst({ where: { id, ...visibleConnectorsWhere(viewer) } }) : Promise.resolve(null);
}

/** The connector as it is now, if the viewer may see it (NotFound) and manage it (Forbidden). */
export async function manageableConnector(db: Db, viewer: Viewer, id: string): Promise<Connector> {
  const c = await visibleConnector(db, viewer, id);
  if (!c) throw new NotFoundError(id, "connector");
  assertCanManage(viewer, c);
  return c;
}

export interface ViewerChange {
  id: string;
  decide: ChangeOptions["decide"];
  /** the contract records no actor for the server's own work (refresh, health) */
  serverWork?: boolean;
}

/**
 * changeConnector as the viewer: the row must be visible and theirs to manage, checked again on every
 * attempt (a connector made TEAM meanwhile is no longer a MEMBER's to change).
 */
export function changeAsViewer(services: Pick<CoreServices, "db" | "pubsub">, viewer: Viewer, change: ViewerChange): Promise<Connector> {
  if (!isIdOf("conn", change.id)) return Promise.reject(new NotFoundError(change.id, "connector"));
  return changeConnector(services, {
    id: change.id,
    actorId: change.serverWork ? null : viewer.userId,
    where: visibleConnectorsWhere(viewer),
    decide: (current) => {
      assertCanManage(viewer, current);
      return change.decide(current);
    },
  });
}
