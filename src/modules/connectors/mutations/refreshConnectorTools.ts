import { builder } from "../../../builder.js";
import { prisma } from "../../../db/client.js";
import { ForbiddenError, InvalidStateError, NotFoundError, UpstreamError } from "../../../errors.js";
import { resultUnion, payloadQuery } from "../../common/mutation-result.js";
import { ConnectorType } from "../types.js";
import { refreshConnectorTools } from "../upstream.js";

builder.mutationField("refreshConnectorTools", (t) =>
  t.prismaField({
    type: ConnectorType,
    description: "Discovers the tools of a CONNECTED connector's server again",
    args: { id: t.arg.id({ required: true }) },
    errors: resultUnion("refreshConnectorTools", "connector", [NotFoundError, ForbiddenError, InvalidStateError, UpstreamError]),
    resolve: async (query, _root, args, ctx) => {
      const { id } = await refreshConnectorTools(ctx, args.id);
      return prisma.connector.findUniqueOrThrow({ ...payloadQuery(query), where: { id } });
    },
  }),
);
