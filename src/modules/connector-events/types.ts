import { canSee, canSeeConnector } from "../../auth/visibility.js";
import { builder } from "../../builder.js";
import type { DeliveredEvent } from "../../connectors/event-stream.js";
import { ConnectorEventKindEnum, ConnectorStateEnum } from "../common/enums.js";
import { UserType } from "../viewer/types.js";

interface ToolChangesShape {
  added: string[];
  removed: string[];
  changed: string[];
  held: string[];
}

const ToolChangesType = builder.objectRef<ToolChangesShape>("ToolChanges").implement({
  description: "What a discovery changed in a connector's tools, by tool name",
  fields: (t) => ({
    added: t.exposeStringList("added", { description: "tools the server lists now and did not before" }),
    removed: t.exposeStringList("removed", { description: "tools the server no longer lists (removed from the connector)" }),
    changed: t.exposeStringList("changed", { description: "tools whose title, description, schemas or annotations changed upstream" }),
    held: t.exposeStringList("held", {
      description: "tools drift control now holds (disabled with pendingReview) until someone enables them with setToolDisabled",
    }),
  }),
});

export const ConnectorEventType = builder.prismaNode("ConnectorEvent", {
  description: "One entry of a connector's audit trail, and what connectorEvents subscribers receive",
  id: { field: "id" },
  authScopes: (e, ctx) => canSee(ctx.viewer, e),
  fields: (t) => ({
    kind: t.expose("kind", { type: ConnectorEventKindEnum, description: "what happened" }),
    connectorId: t.exposeID("connectorId", { description: "the connector's id, kept after it is deleted" }),
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
    previousState: t.expose("previousState", {
      type: ConnectorStateEnum,
      nullable: true,
      description: "the state before this change; null for CREATED",
    }),
    state: t.expose("state", { type: ConnectorStateEnum, nullable: true, description: "the state after this change; null for DELETED" }),
    version: t.exposeInt("version", { description: "the connector's version after this change" }),
    actor: t.relation("actor", {
      type: UserType,
      nullable: true,
      description: "who caused it; null for the server's own work (refresh, sync, health)",
    }),
    toolChanges: t.field({
      type: ToolChangesType,
      nullable: true,
      description: "for a discovery that changed the tools (TOOLS_CHANGED, or the STATE_CHANGED of a connect): what changed",
      resolve: (e) => (e.toolChanges as ToolChangesShape | null) ?? null,
    }),
    at: t.expose("at", { type: "DateTime", description: "when the change was made" }),
  }),
});
