import { changeConnector } from "../connectors/change.js";
import { DomainError } from "../errors.js";
import type { Db } from "../db/client.js";
import type { CoreServices } from "../services.js";

class StillPending extends DomainError {}

export const ABANDONED_REASON = "The authorization request expired before consent was completed: connect again";

/**
 * A consent nobody completed would leave its connector AUTH_REQUIRED forever, showing a dead link.
 * Once every pending authorization of an AUTH_REQUIRED connector has expired, the connector is
 * AUTH_FAILED with a reason, and the expired requests are removed.
 */
export async function expireAbandonedAuthorizations(services: CoreServices): Promise<number> {
  const stale = await abandonedConnectors(services.db, new Date());
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

/** Connectors looked at per pass; the rest wait for the next one. */
const PER_PASS = 100;

/**
 * AUTH_REQUIRED connectors with no pending authorization that is still valid. Raw SQL for two
 * reasons: Prisma's `take` adds ORDER BY "id", which walked the whole primary key when there was
 * nothing to find (63 ms for 100,000 connectors, issue 13: the whole table), and it casts the
 * state parameter, which hides the constant from the planner. Written with the literal, the
 * ("state", "tokenExpiresAt") index finds the AUTH_REQUIRED connectors, and each is one probe of
 * its authorizations: the cost follows the consents begun in the last AUTHORIZATION_TTL and not
 * yet expired by this pass, not the size of the table.
 *
 * Not driven by the expired pending authorizations (issue 13's sketch): a connector whose only
 * consent a failed callback consumed has none, and the expired leftovers of connectors connected
 * since (a second consent begun before the first completed) are kept, so that scan would grow.
 */
async function abandonedConnectors(db: Db, now: Date): Promise<{ id: string }[]> {
  return db.$queryRaw<{ id: string }[]>`
    SELECT c."id" FROM "Connector" c
    WHERE c."state" = 'AUTH_REQUIRED'
      AND NOT EXISTS (
        SELECT 1 FROM "OAuthAuthorization" a
        WHERE a."connectorId" = c."id" AND a."usedAt" IS NULL AND a."expiresAt" > ${now.toISOString()}::timestamp(3)
      )
    LIMIT ${PER_PASS}`;
  // (the columns hold UTC without a zone, as Prisma writes them: the text of the instant, cast, compares alike)
}
