import type { Db } from "../db/client.js";
import type { EventTrail } from "../events/listen.js";

/** The audit trail as the event hubs read it (gaps, catch-up after an outage, the shared load). */
export function connectorTrail(db: Db): EventTrail {
  return {
    highWater: async (organizationId) =>
      (await db.connectorEvent.aggregate({ where: { organizationId }, _max: { seq: true } }))._max.seq ?? 0n,
    after: (scope, seq, take) => db.connectorEvent.findMany({ where: { ...scope, seq: { gt: seq } }, orderBy: { seq: "asc" }, take }),
    connector: (id) => db.connector.findUnique({ where: { id } }),
  };
}
