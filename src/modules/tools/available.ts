import { builder } from "../../builder.js";
import { AVAILABLE_TOOL_ORDER, availableToolsWhere } from "../../connectors/availability.js";
import { prefixed } from "../../connectors/handle.js";
import { ToolTypeEnum } from "../common/enums.js";
import { countUnlessWhole, pageAfterVisibleCursor, pageOptionsOf } from "../common/pagination.js";
import { FILTER_LIMITS } from "../../validation/filter-caps.js";
import { ToolRef } from "./types.js";

const AvailableToolType = builder.prismaObject("ConnectorTool", {
  variant: "AvailableTool",
  description: "A tool an agent may be given now: exactly what the /mcp endpoint offers this viewer.",
  fields: (t) => ({
    name: t.string({
      description: '"<connector handle>__<tool name>", the name on /mcp',
      select: { connector: { select: { handle: true } } },
      resolve: (row) => prefixed(row.connector.handle, row.name),
    }),
    tool: t.field({ type: ToolRef, description: "the tool on its connector (its own name, flags and schema)", resolve: (row) => row }),
    connector: t.relation("connector", { description: "the connector whose tool it is (CONNECTED, active and agent-enabled)" }),
  }),
});

const AvailableToolFilterInput = builder.inputType("AvailableToolFilter", {
  description: `Narrows the available tools; every given condition must hold. Lists hold at most ${FILTER_LIMITS.items} values, strings at most ${FILTER_LIMITS.text} characters`,
  fields: (t) => ({
    connectorIds: t.idList({ description: `tools of any of these connectors (conn_…; at most ${FILTER_LIMITS.items}); ids the viewer cannot see match nothing` }),
    type: t.field({ type: ToolTypeEnum, description: "only READ, or only WRITE, tools" }),
    search: t.string({ description: `a substring of the tool's name, label or description, case-insensitive (% and _ match themselves; at most ${FILTER_LIMITS.text} characters)` }),
  }),
});

builder.queryField("availableTools", (t) =>
  t.prismaConnection(
    {
      type: AvailableToolType,
      cursor: "id",
      ...pageOptionsOf("tool"),
      description:
        "The tools the viewer's agents may use now, as /mcp offers them: of visible connectors that are CONNECTED, active and agent-enabled, neither disabled nor pending review",
      args: { filter: t.arg({ type: AvailableToolFilterInput, description: "only the tools that match; all available ones when absent" }) },
      resolve: (query, _root, args, ctx, info) =>
        pageAfterVisibleCursor(
          query,
          (id) => ctx.services.db.connectorTool.findFirst({ where: { AND: [availableToolsWhere(ctx.viewer), { id }] }, select: { id: true } }),
          () => ctx.services.db.connectorTool.findMany({ ...query, where: availableToolsWhere(ctx.viewer, args.filter), orderBy: AVAILABLE_TOOL_ORDER }),
          info,
        ),
      totalCount: (_root, args, ctx, info) =>
        countUnlessWhole(info, () => ctx.services.db.connectorTool.count({ where: availableToolsWhere(ctx.viewer, args.filter) })),
    },
    { name: "AvailableToolConnection", description: "A page of the tools agents may use, by connector (oldest first), then as its server lists them" },
    { name: "AvailableToolEdge", description: "An available tool in a page, with its cursor" },
  ),
);
