import { builder } from "../../../builder.js";
import { ForbiddenError, InvalidStateError, NotFoundError, ValidationError } from "../../../errors.js";
import { resultUnion, payloadQuery } from "../../common/mutation-result.js";
import { disconnectConnector } from "../../../connectors/connect.js";
import { ConnectorType } from "../types.js";

const DisconnectConnectorInput = builder.inputType("DisconnectConnectorInput", {
  description: "The connector to disconnect, and why",
  fields: (t) => ({
    id: t.id({ required: true }),
    reason: t.string({ description: "kept as disconnectReason" }),
  }),
});

builder.mutationField("disconnectConnector", (t) =>
  t.prismaField({
    type: ConnectorType,
    description: "DISCONNECTED: credentials revoked where the provider allows it, and wiped",
    args: { input: t.arg({ type: DisconnectConnectorInput, required: true }) },
    // ValidationError beyond the contract: an over-long reason
    errors: resultUnion("disconnectConnector", "connector", [NotFoundError, ForbiddenError, InvalidStateError, ValidationError]),
    resolve: async (query, _root, { input }, ctx) => {
      const { id } = await disconnectConnector(ctx.services, ctx.viewer, input);
      return ctx.services.db.connector.findUniqueOrThrow({ ...payloadQuery(query), where: { id } });
    },
  }),
);
