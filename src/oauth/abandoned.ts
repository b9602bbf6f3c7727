import { prisma } from "../db/client.js";
import { DomainError } from "../errors.js";
import type { PubSub } from "../events/pubsub.js";
import type { Logger } from "../logger.js";
import { changeConnector } from "../modules/connectors/changes.js";

class StillPending extends DomainError {}

export const ABANDONED_REASON = "The authorization request expired before consent was completed: connect again";

/**
 * A consent nobody completed would leave its connector AUTH_REQUIRED forever, showing a dead link.
 * Once every pending authorization of an AUTH_REQUIRED connector has expired, the connector is
 * AUTH_FAILED with a reason, and the expired requests are removed.
 */
export async function expireAbandonedAuthorizations(o: { pubsub: PubSub; logger: Logger }): Promise<number> {
  const now = new Date();
  const stale = await prisma.connector.findMany({
    where: { state: "AUTH_REQUIRED", authorizations: { none: { usedAt: null, expiresAt: { gt: now } } } },
    select: { id: true },
    take: 100,
  });
  let expired = 0;
  for (const { id } of stale) {
    try {
      await changeConnector({
        id,
        actorId: null,
        pubsub: o.pubsub,
        decide: async (c) => {
          // a connect that started a new consent meanwhile wins
          const live = await prisma.oAuthAuthorization.count({ where: { connectorId: id, usedAt: null, expiresAt: { gt: new Date() } } });
          if (c.state !== "AUTH_REQUIRED" || live > 0) throw new StillPending();
          return {
            kind: "STATE_CHANGED",
            action: "rejectAuthorization",
            data: { statusReason: ABANDONED_REASON },
            also: (tx) => tx.oAuthAuthorization.deleteMany({ where: { connectorId: id, usedAt: null, expiresAt: { lte: new Date() } } }),
          };
        },
      });
      expired++;
    } catch (e) {
      if (!(e instanceof StillPending) && !(e instanceof DomainError)) o.logger.error({ err: e, connectorId: id }, "expiring an abandoned authorization failed");
    }
  }
  return expired;
}
