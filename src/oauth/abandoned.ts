import { changeConnector } from "../connectors/change.js";
import { DomainError } from "../errors.js";
import type { CoreServices } from "../services.js";

class StillPending extends DomainError {}

export const ABANDONED_REASON = "The authorization request expired before consent was completed: connect again";

/**
 * A consent nobody completed would leave its connector AUTH_REQUIRED forever, showing a dead link.
 * Once every pending authorization of an AUTH_REQUIRED connector has expired, the connector is
 * AUTH_FAILED with a reason, and the expired requests are removed.
 */
export async function expireAbandonedAuthorizations(services: CoreServices): Promise<number> {
  const now = new Date();
  const stale = await services.db.connector.findMany({
    where: { state: "AUTH_REQUIRED", authorizations: { none: { usedAt: null, expiresAt: { gt: now } } } },
    select: { id: true },
    take: 100,
  });
  let expired = 0;
  for (const { id } of stale) {
    try {
      await changeConnector(services, {
        id,
        actorId: null,
        decide: async (c) => {
          // a connect that started a new consent meanwhile wins
          const live = await services.db.oAuthAuthorization.count({ where: { connectorId: id, usedAt: null, expiresAt: { gt: new Date() } } });
          if (c.state !== "AUTH_REQUIRED" || live > 0) throw new StillPending();
          return {
            action: "rejectAuthorization",
            data: { statusReason: ABANDONED_REASON },
            also: (tx) => tx.oAuthAuthorization.deleteMany({ where: { connectorId: id, usedAt: null, expiresAt: { lte: new Date() } } }),
          };
        },
      });
      expired++;
    } catch (e) {
      if (!(e instanceof StillPending) && !(e instanceof DomainError)) services.logger.error({ err: e, connectorId: id }, "expiring an abandoned authorization failed");
    }
  }
  return expired;
}
