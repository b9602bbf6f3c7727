import { builder } from "../../../builder.js";
import { ForbiddenError, InvalidStateError, NotFoundError, UpstreamError, ValidationError } from "../../../errors.js";
import { resultUnion, payloadQuery } from "../../common/mutation-result.js";
import { connectConnector } from "../../../connectors/connect.js";
import { ConnectorType } from "../types.js";

const ConnectConnectorInput = builder.inputType("ConnectConnectorInput", {
  description:
    "Credentials for the connector's authType, at most one kind (accessToken, apiKey, or username with password; a custom MCP server takes any one, or none); an OAuth connector without a token starts the consent flow. A missing, extra or unaccepted kind is a ValidationError",
  fields: (t) => ({
    id: t.id({ required: true, description: "the connector (conn_…); an unknown one, or one the viewer may not see, is a NotFoundError" }),
    redirectUrl: t.field({ type: "URL", description: "where the browser returns after OAuth consent" }),
    accessToken: t.string({ description: "connect with a token you already hold (skips the OAuth dance), for OAUTH, OAUTH_ADMIN_CONSENT and BEARER connectors; at most 8192 characters; write-only" }),
    apiKey: t.string({ description: "for API_TOKEN connectors; at most 8192 characters; write-only" }),
    username: t.string({ description: "for USERNAME_PASSWORD connectors, with password; must not be empty" }),
    password: t.string({ description: "with username; at most 8192 characters; write-only" }),
  }),
});

builder.mutationField("connectConnector", (t) =>
  t.prismaField({
    type: ConnectorType,
    description:
      "Connects or reconnects a connector in any state but CONNECTED (that is an InvalidStateError): CONNECTED, or AUTH_REQUIRED with an authRequest. Refused credentials are an UpstreamError and leave it AUTH_FAILED; a server that does not answer as MCP, an UpstreamError with the connector ERROR and the credentials kept",
    args: { input: t.arg({ type: ConnectConnectorInput, required: true, description: "the connector and its credentials" }) },
    errors: resultUnion("connectConnector", "connector", [ValidationError, NotFoundError, ForbiddenError, InvalidStateError, UpstreamError], "the connector: CONNECTED with the tools its server listed, or AUTH_REQUIRED with an authRequest to open"),
    resolve: async (query, _root, { input }, ctx) => {
      const { id } = await connectConnector(ctx.services, ctx.viewer, { ...input, origin: ctx.origin });
      return ctx.services.db.connector.findUniqueOrThrow({ ...payloadQuery(query), where: { id } });
    },
  }),
);
