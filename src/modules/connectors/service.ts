import { isAdmin, type Viewer } from "../../auth/viewer.js";
import { visibleConnectorsWhere } from "../../auth/visibility.js";
import { prisma } from "../../db/client.js";
import type { ServerConfig } from "../../context.js";
import { isIdOf } from "../../db/ids.js";
import { ForbiddenError, NotFoundError } from "../../errors.js";
import type { PubSub } from "../../events/pubsub.js";
import type { Connector } from "../../generated/prisma/client.js";
import type { ConnectorState } from "../../generated/prisma/enums.js";
import { type ChangeOptions, changeConnector } from "./changes.js";

/** Connector facts derived from its row; plain functions shared by every path. */

export function isAuthenticated(c: Pick<Connector, "state">): boolean {
  return c.state === "CONNECTED";
}

/** The catalog page's three-way status of an install. */
export function installStatus(state: ConnectorState): "CONNECTED" | "DISCONNECTED" | "ERROR" {
  if (state === "CONNECTED") return "CONNECTED";
  if (state === "AUTH_FAILED" || state === "TOKEN_EXPIRED" || state === "ERROR") return "ERROR";
  return "DISCONNECTED";
}

/**
 * TEAM connectors belong to the organization, so only ADMINs change them. A PERSONAL connector is
 * visible to its owner alone, so whoever can see it may change it.
 */
export function assertCanManage(viewer: Viewer, c: Pick<Connector, "scope">): void {
  if (c.scope === "TEAM" && !isAdmin(viewer)) {
    throw new ForbiddenError("Only an ADMIN can change a TEAM connector");
  }
}

/** The connector as it is now, if the viewer may see it (NotFound) and manage it (Forbidden). */
export async function manageableConnector(viewer: Viewer, id: string): Promise<Connector> {
  const c = isIdOf("conn", id) ? await prisma.connector.findFirst({ where: { id, ...visibleConnectorsWhere(viewer) } }) : null;
  if (!c) throw new NotFoundError(id, "connector");
  assertCanManage(viewer, c);
  return c;
}

/** What connector services need from a request; the GraphQL context satisfies it. */
export interface RequestContext {
  viewer: Viewer;
  pubsub: PubSub;
  config: ServerConfig;
  origin: string;
}

export interface ViewerChange {
  viewer: Viewer;
  pubsub: PubSub;
  id: string;
  decide: ChangeOptions["decide"];
  /** the contract records no actor for the server's own work (refresh, health) */
  serverWork?: boolean;
}

/** changeConnector as the viewer: the row must be visible and theirs to manage, re-checked per attempt. */
export function changeAsViewer({ viewer, pubsub, id, decide, serverWork }: ViewerChange): Promise<Connector> {
  if (!isIdOf("conn", id)) return Promise.reject(new NotFoundError(id, "connector"));
  return changeConnector({
    id,
    pubsub,
    actorId: serverWork ? null : viewer.userId,
    where: visibleConnectorsWhere(viewer),
    decide: (current) => {
      assertCanManage(viewer, current);
      return decide(current);
    },
  });
}
