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
    connectorId: t.id({ required: true }),
    toolName: t.string({ required: true }),
    disabled: t.boolean({ required: true }),
  }),
});

const SetToolDisabledSuccess = builder.objectRef<{ tool: ConnectorTool; connector: Connector }>("SetToolDisabledSuccess").implement({
  description: "The tool as it is now, and its connector (event TOOLS_CHANGED)",
  fields: (t) => ({
    tool: t.field({ type: ToolRef, resolve: (r) => r.tool }),
    connector: t.field({ type: ConnectorType, resolve: (r) => r.connector }),
  }),
});

builder.mutationField("setToolDisabled", (t) =>
  t.field({
    type: SetToolDisabledSuccess,
    description: "Turns a tool off for this connector (or on again, which also approves a pending review)",
    args: { input: t.arg({ type: SetToolDisabledInput, required: true }) },
    errors: directResultUnion("setToolDisabled", [NotFoundError, ForbiddenError]),
    resolve: (_root, { input }, ctx) => setToolDisabled(ctx.services, ctx.viewer, input),
  }),
);
