import { canSee, canSeeConnector } from "../../auth/visibility.js";
import { builder } from "../../builder.js";
import type { DeliveredEvent } from "../../connectors/event-stream.js";
import { ConnectorEventKindEnum, ConnectorStateEnum } from "../common/enums.js";
import { UserType } from "../viewer/types.js";

export const ConnectorEventType = builder.prismaNode("ConnectorEvent", {
  description: "One entry of a connector's audit trail, and what connectorEvents subscribers receive",
  id: { field: "id" },
  authScopes: (e, ctx) => canSee(ctx.viewer, e),
  fields: (t) => ({
    kind: t.expose("kind", { type: ConnectorEventKindEnum }),
    connectorId: t.exposeID("connectorId"),
    connector: t.prismaField({
      // resolved lazily to avoid an import cycle with the Connector type
      type: "Connector",
      nullable: true,
      description: "null after DELETED",
      resolve: async (query, e, _args, ctx) => {
        // a live event brings one load shared by all its subscribers (relations it lacks are loaded
        // by the prisma plugin when selected); findUnique (not findFirst) so that Prisma batches the
        // lookups of a whole page into one query
        const live = (e as DeliveredEvent).loadConnector;
        const c = live ? await live() : await ctx.services.db.connector.findUnique({ ...query, where: { id: e.connectorId } });
        return c && canSeeConnector(ctx.viewer, c) ? c : null;
      },
    }),
    previousState: t.expose("previousState", { type: ConnectorStateEnum, nullable: true }),
    state: t.expose("state", { type: ConnectorStateEnum, nullable: true }),
    version: t.exposeInt("version", { description: "the connector's version after this change" }),
    actor: t.relation("actor", {
      type: UserType,
      nullable: true,
      description: "who caused it; null for the server's own work (refresh, sync, health)",
    }),
    at: t.expose("at", { type: "DateTime" }),
  }),
});
