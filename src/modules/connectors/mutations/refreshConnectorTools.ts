import { builder } from "../../../builder.js";
import { ForbiddenError, InvalidStateError, NotFoundError, UpstreamError } from "../../../errors.js";
import { resultUnion, payloadQuery } from "../../common/mutation-result.js";
import { ConnectorType } from "../types.js";
import { refreshConnectorTools } from "../../../connectors/upstream.js";

builder.mutationField("refreshConnectorTools", (t) =>
  t.prismaField({
    type: ConnectorType,
    description:
      "Discovers the tools of a CONNECTED (or ERROR) connector's server again, keeping each tool's disabled flag; tools that changed upstream may be held for review. Other states are an InvalidStateError; a failure is an UpstreamError",
    args: { id: t.arg.id({ required: true, description: "the connector (conn_…); an unknown one, or one the viewer may not see, is a NotFoundError" }) },
    errors: resultUnion("refreshConnectorTools", "connector", [NotFoundError, ForbiddenError, InvalidStateError, UpstreamError], "the connector with its tools as the server lists them now"),
    resolve: async (query, _root, args, ctx) => {
      const { id } = await refreshConnectorTools(ctx.services, ctx.viewer, args.id);
      return ctx.services.db.connector.findUniqueOrThrow({ ...payloadQuery(query), where: { id } });
    },
  }),
);
