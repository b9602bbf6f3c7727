import { builder } from "../../../builder.js";
import { ForbiddenError, NotFoundError } from "../../../errors.js";
import type { Connector, ConnectorTool } from "../../../generated/prisma/client.js";
import { directResultUnion } from "../../common/mutation-result.js";
import { ToolRef } from "../../tools/types.js";
import { ConnectorType } from "../types.js";
import { setToolDisabled } from "../../../connectors/update.js";

const SetToolDisabledInput = builder.inputType("SetToolDisabledInput", {
  description: "Turns one of a connector's tools off or on",
  fields: (t) => ({
    connectorId: t.id({ required: true, description: "the connector (conn_…); an unknown one, or one the viewer may not see, is a NotFoundError" }),
    toolName: t.string({ required: true, description: "the tool's name on the connector (Tool.name, without the /mcp prefix); unknown is a NotFoundError" }),
    disabled: t.boolean({ required: true, description: "true turns it off; false turns it on and clears pendingReview" }),
  }),
});

const SetToolDisabledSuccess = builder.objectRef<{ tool: ConnectorTool; connector: Connector }>("SetToolDisabledSuccess").implement({
  description: "The tool as it is now, and its connector (event TOOLS_CHANGED)",
  fields: (t) => ({
    tool: t.field({ type: ToolRef, description: "the tool with its new disabled and pendingReview flags", resolve: (r) => r.tool }),
    connector: t.field({ type: ConnectorType, description: "its connector, at the version this change made", resolve: (r) => r.connector }),
  }),
});

builder.mutationField("setToolDisabled", (t) =>
  t.field({
    type: SetToolDisabledSuccess,
    description: "Turns a tool off for this connector (or on again, which also approves a pending review)",
    args: { input: t.arg({ type: SetToolDisabledInput, required: true, description: "which tool, and whether it is off" }) },
    errors: directResultUnion("setToolDisabled", [NotFoundError, ForbiddenError]),
    resolve: (_root, { input }, ctx) => setToolDisabled(ctx.services, ctx.viewer, input),
  }),
);
