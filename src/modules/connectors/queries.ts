import { visibleConnectorsWhere } from "../../auth/visibility.js";
import { builder } from "../../builder.js";
import { isIdOf } from "../../db/ids.js";
import { countUnlessWhole, pageAfterVisibleCursor, pageOptionsOf } from "../common/pagination.js";
import { connectorWhere } from "../../connectors/filter.js";
import { ConnectorFilterInput, ConnectorOrderInput, connectorOrderBy } from "./filter.js";
import { ConnectorType } from "./types.js";

builder.queryFields((t) => ({
  connectors: t.prismaConnection(
    {
      type: ConnectorType,
      cursor: "id",
      ...pageOptionsOf("conn"),
      description: "The connectors the viewer can see: the organization's TEAM ones and the viewer's PERSONAL ones",
      args: {
        filter: t.arg({ type: ConnectorFilterInput, description: "only the connectors that match; all visible ones when absent" }),
        orderBy: t.arg({ type: ConnectorOrderInput, description: "the sort; newest first (CREATED_AT DESC) when absent" }),
      },
      resolve: (query, _root, args, ctx, info) =>
        pageAfterVisibleCursor(
          query,
          (id) => ctx.services.db.connector.findFirst({ where: { id, ...visibleConnectorsWhere(ctx.viewer) }, select: { id: true } }),
          () =>
            ctx.services.db.connector.findMany({
              ...query,
              where: { AND: [visibleConnectorsWhere(ctx.viewer), connectorWhere(args.filter)] },
              orderBy: connectorOrderBy(args.orderBy),
            }),
          info,
        ),
      totalCount: (_root, args, ctx, info) =>
        countUnlessWhole(info, () => ctx.services.db.connector.count({ where: { AND: [visibleConnectorsWhere(ctx.viewer), connectorWhere(args.filter)] } })),
    },
    { name: "ConnectorConnection", description: "A page of connectors" },
    { name: "ConnectorEdge", description: "A connector in a page, with its cursor" },
  ),
  connector: t.prismaField({
    type: ConnectorType,
    nullable: true,
    description: "One connector, or null when it does not exist or the viewer may not see it",
    args: { id: t.arg.id({ required: true, description: "the connector's id (conn_…); any other id gives null" }) },
    resolve: (query, _root, args, ctx) =>
      isIdOf("conn", args.id)
        ? ctx.services.db.connector.findFirst({ ...query, where: { id: args.id, ...visibleConnectorsWhere(ctx.viewer) } })
        : null,
  }),
}));
