import { builder } from "../../../builder.js";
import { ForbiddenError, InvalidStateError, NotFoundError, UpstreamError, ValidationError } from "../../../errors.js";
import { resultUnion, payloadQuery } from "../../common/mutation-result.js";
import { connectConnector } from "../../../connectors/connect.js";
import { ConnectorType } from "../types.js";

const ConnectConnectorInput = builder.inputType("ConnectConnectorInput", {
  description: "Credentials for the connector's authType; an OAuth connector without a token starts the consent flow",
  fields: (t) => ({
    id: t.id({ required: true }),
    redirectUrl: t.field({ type: "URL", description: "where the browser returns after OAuth consent" }),
    accessToken: t.string({ description: "connect with a token you already hold (skips the OAuth dance); write-only" }),
    apiKey: t.string({ description: "for API_TOKEN connectors; write-only" }),
    username: t.string({ description: "for USERNAME_PASSWORD connectors, with password" }),
    password: t.string({ description: "write-only" }),
  }),
});

builder.mutationField("connectConnector", (t) =>
  t.prismaField({
    type: ConnectorType,
    description: "Connects or reconnects a connector: CONNECTED, or AUTH_REQUIRED with an authRequest",
    args: { input: t.arg({ type: ConnectConnectorInput, required: true }) },
    errors: resultUnion("connectConnector", "connector", [ValidationError, NotFoundError, ForbiddenError, InvalidStateError, UpstreamError]),
    resolve: async (query, _root, { input }, ctx) => {
      const { id } = await connectConnector(ctx.services, ctx.viewer, { ...input, origin: ctx.origin });
      return ctx.services.db.connector.findUniqueOrThrow({ ...payloadQuery(query), where: { id } });
    },
  }),
);
