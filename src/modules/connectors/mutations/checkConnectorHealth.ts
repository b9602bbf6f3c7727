import { builder } from "../../../builder.js";
import { ForbiddenError, NotFoundError, UpstreamError } from "../../../errors.js";
import { resultUnion, payloadQuery } from "../../common/mutation-result.js";
import { ConnectorType } from "../types.js";
import { checkConnectorHealth } from "../../../connectors/upstream.js";

builder.mutationField("checkConnectorHealth", (t) =>
  t.prismaField({
    type: ConnectorType,
    description:
      "Checks that the connector's server answers (initialize and ping with the stored credentials, each step within MCP_TIMEOUT); records lastSyncAt, or lastError. A failure is an UpstreamError: refused credentials make a CONNECTED or ERROR connector AUTH_FAILED, other failures count toward HEALTH_FAILURES",
    args: { id: t.arg.id({ required: true, description: "the connector (conn_…); an unknown one, or one the viewer may not see, is a NotFoundError" }) },
    errors: resultUnion("checkConnectorHealth", "connector", [NotFoundError, ForbiddenError, UpstreamError], "the connector after the check: lastSyncAt moved, and an ERROR connector that answered is CONNECTED again"),
    resolve: async (query, _root, args, ctx) => {
      const { id } = await checkConnectorHealth(ctx.services, ctx.viewer, args.id);
      return ctx.services.db.connector.findUniqueOrThrow({ ...payloadQuery(query), where: { id } });
    },
  }),
);
