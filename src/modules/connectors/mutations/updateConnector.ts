import { builder } from "../../../builder.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../../errors.js";
import { resultUnion, payloadQuery } from "../../common/mutation-result.js";
import { ConnectorType } from "../types.js";
import { updateConnector } from "../../../connectors/update.js";

const UpdateConnectorInput = builder.inputType("UpdateConnectorInput", {
  description: "Changes to a connector; fields left out stay as they are",
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string(),
    configuration: t.field({ type: "JSONObject", description: "checked against the preset's configSchema again; null clears it" }),
    metadata: t.field({ type: "JSONObject", description: "replaces the metadata; null clears it" }),
    isActive: t.boolean(),
    syncEnabled: t.boolean(),
    agentEnabled: t.boolean(),
  }),
});

builder.mutationField("updateConnector", (t) =>
  t.prismaField({
    type: ConnectorType,
    description: "Renames or reconfigures a connector (event UPDATED)",
    args: { input: t.arg({ type: UpdateConnectorInput, required: true }) },
    errors: resultUnion("updateConnector", "connector", [ValidationError, NotFoundError, ForbiddenError]),
    resolve: async (query, _root, { input }, ctx) => {
      const { id } = await updateConnector(ctx.services, ctx.viewer, input);
      return ctx.services.db.connector.findUniqueOrThrow({ ...payloadQuery(query), where: { id } });
    },
  }),
);
