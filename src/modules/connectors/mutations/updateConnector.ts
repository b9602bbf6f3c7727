import { builder } from "../../../builder.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../../errors.js";
import { columnsOnly, resultUnion, payloadQuery } from "../../common/mutation-result.js";
import { ConnectorType } from "../types.js";
import { updateConnector } from "../../../connectors/update.js";

const UpdateConnectorInput = builder.inputType("UpdateConnectorInput", {
  description: "Changes to a connector; fields left out stay as they are",
  fields: (t) => ({
    id: t.id({ required: true, description: "the connector (conn_…); an unknown one, or one the viewer may not see, is a NotFoundError" }),
    name: t.string({ description: "not blank, at most 200 characters; the handle stays as it was" }),
    configuration: t.field({ type: "JSONObject", description: "checked against the preset's configSchema again (at most 64 KiB as JSON); decides isConfigured, and the url for a preset whose mcpUrl has placeholders; null clears it" }),
    metadata: t.field({ type: "JSONObject", description: "replaces the metadata: at most 64 keys and 16 KiB as JSON; null clears it" }),
    isActive: t.boolean({ description: "false deactivates it: agents get none of its tools (availableTools, /mcp)" }),
    syncEnabled: t.boolean({ description: "false stops the periodic tool discovery (every SYNC_INTERVAL)" }),
    agentEnabled: t.boolean({ description: "false keeps agents from using its tools through the MCP gateway" }),
  }),
});

builder.mutationField("updateConnector", (t) =>
  t.prismaField({
    type: ConnectorType,
    description: "Renames or reconfigures a connector (event UPDATED); an input that names no field changes nothing",
    args: { input: t.arg({ type: UpdateConnectorInput, required: true, description: "the connector and the fields to change" }) },
    errors: resultUnion("updateConnector", "connector", [ValidationError, NotFoundError, ForbiddenError], "the connector as it is now"),
    resolve: async (query, _root, { input }, ctx) => {
      const row = await updateConnector(ctx.services, ctx.viewer, input);
      return columnsOnly(query) ? row : ctx.services.db.connector.findUniqueOrThrow({ ...payloadQuery(query), where: { id: row.id } });
    },
  }),
);
