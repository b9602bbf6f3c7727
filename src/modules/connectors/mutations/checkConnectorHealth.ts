import { builder } from "../../../builder.js";
import { ForbiddenError, NotFoundError, UpstreamError } from "../../../errors.js";
import { resultUnion, payloadQuery } from "../../common/mutation-result.js";
import { ConnectorType } from "../types.js";
import { checkConnectorHealth } from "../../../connectors/upstream.js";

builder.mutationField("checkConnectorHealth", (t) =>
  t.prismaField({
    type: ConnectorType,
    description: "Checks that the connector's server answers; records lastSyncAt, or lastError",
    args: { id: t.arg.id({ required: true }) },
    errors: resultUnion("checkConnectorHealth", "connector", [NotFoundError, ForbiddenError, UpstreamError]),
    resolve: async (query, _root, args, ctx) => {
      const { id } = await checkConnectorHealth(ctx.services, ctx.viewer, args.id);
      return ctx.services.db.connector.findUniqueOrThrow({ ...payloadQuery(query), where: { id } });
    },
  }),
);
