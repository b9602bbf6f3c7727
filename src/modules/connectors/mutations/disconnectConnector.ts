import { builder } from "../../../builder.js";
import { ForbiddenError, InvalidStateError, NotFoundError, ValidationError } from "../../../errors.js";
import { resultUnion, payloadQuery } from "../../common/mutation-result.js";
import { disconnectConnector } from "../../../connectors/connect.js";
import { ConnectorType } from "../types.js";

const DisconnectConnectorInput = builder.inputType("DisconnectConnectorInput", {
  description: "The connector to disconnect, and why",
  fields: (t) => ({
    id: t.id({ required: true, description: "the connector (conn_…); an unknown one, or one the viewer may not see, is a NotFoundError" }),
    reason: t.string({ description: "kept as disconnectReason and shown in statusReason; at most 1000 characters" }),
  }),
});

builder.mutationField("disconnectConnector", (t) =>
  t.prismaField({
    type: ConnectorType,
    description:
      "DISCONNECTED: credentials revoked where the provider allows it, and wiped. A connector that is CREATED or already DISCONNECTED is an InvalidStateError",
    args: { input: t.arg({ type: DisconnectConnectorInput, required: true, description: "the connector, and why" }) },
    // ValidationError beyond the contract: an over-long reason
    errors: resultUnion("disconnectConnector", "connector", [NotFoundError, ForbiddenError, InvalidStateError, ValidationError], "the connector, DISCONNECTED, without credentials"),
    resolve: async (query, _root, { input }, ctx) => {
      const { id } = await disconnectConnector(ctx.services, ctx.viewer, input);
      return ctx.services.db.connector.findUniqueOrThrow({ ...payloadQuery(query), where: { id } });
    },
  }),
);
