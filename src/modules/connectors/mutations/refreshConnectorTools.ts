import { builder } from "../../../builder.js";
import { ForbiddenError, InvalidStateError, NotFoundError, UpstreamError } from "../../../errors.js";
import { resultUnion, payloadQuery } from "../../common/mutation-result.js";
import { ConnectorType } from "../types.js";
import { refreshConnectorTools } from "../../../connectors/upstream.js";

builder.mutationField("refreshConnectorTools", (t) =>
  t.prismaField({
    type: ConnectorType,
    description: "Discovers the tools of a CONNECTED connector's server again",
    args: { id: t.arg.id({ required: true }) },
    errors: resultUnion("refreshConnectorTools", "connector", [NotFoundError, ForbiddenError, InvalidStateError, UpstreamError]),
    resolve: async (query, _root, args, ctx) => {
      const { id } = await refreshConnectorTools(ctx.services, ctx.viewer, args.id);
      return ctx.services.db.connector.findUniqueOrThrow({ ...payloadQuery(query), where: { id } });
    },
  }),
);
