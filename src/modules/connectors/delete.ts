import { prisma } from "../../db/client.js";
import { publishConnectorEvent } from "../../events/publish.js";
import { revokeCredentials } from "../../oauth/revoke.js";
import { writeEvent } from "./changes.js";
import { type RequestContext, manageableConnector } from "./service.js";

const MAX_ATTEMPTS = 20;

/**
 * Deletes a connector with its tools, credentials and pending authorizations (cascade). The DELETED
 * event (version + 1) outlives it: the event table keeps no foreign key to connectors. Like
 * changeConnector, the delete only happens if nobody changed the row since it was read.
 */
export async function deleteConnector(ctx: Pick<RequestContext, "viewer" | "pubsub">, id: string): Promise<string> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const c = await manageableConnector(ctx.viewer, id);
    await revokeCredentials(c).catch(() => {}); // best effort: the credentials go with the row anyway
    const event = await prisma.$transaction(async (tx) => {
      const { count } = await tx.connector.deleteMany({ where: { id: c.id, version: c.version } });
      if (count === 0) return null;
      return writeEvent(tx, { ...c, version: c.version + 1 }, "DELETED", c.state, ctx.viewer.userId);
    });
    if (!event) continue;
    publishConnectorEvent(ctx.pubsub, event);
    return c.id;
  }
  throw new Error(`connector ${id} kept changing under ${MAX_ATTEMPTS} attempts`);
}
