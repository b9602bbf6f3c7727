import { builder } from "../../../builder.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../../errors.js";
import { ConnectorScopeEnum } from "../../common/enums.js";
import { resultUnion, payloadQuery } from "../../common/mutation-result.js";
import { createConnector } from "../../../connectors/create.js";
import { ConnectorType } from "../types.js";

const CreateConnectorInput = builder.inputType("CreateConnectorInput", {
  description: "A new connector, from a catalog preset (presetSlug) or a server URL (url): exactly one of them",
  fields: (t) => ({
    presetSlug: t.string({ description: "the slug of the enabled preset to create it from; either presetSlug or url. Unknown: NotFoundError; disabled: ValidationError" }),
    url: t.field({ type: "URL", description: "a custom MCP server, or a URL that matches a preset's mcpUrl; at most 2048 characters, without a user name or password" }),
    matchPreset: t.boolean({ defaultValue: true, description: "link the preset whose mcpUrl the url is (else type \"mcp\")" }),
    name: t.string({ description: "defaults to the preset's name, or the URL's host; when given, not blank and at most 200 characters" }),
    scope: t.field({ type: ConnectorScopeEnum, defaultValue: "TEAM", description: "only ADMINs create TEAM connectors (ForbiddenError); anyone creates PERSONAL ones" }),
    configuration: t.field({ type: "JSONObject", description: "must satisfy the preset's configSchema and fill the placeholders of its mcpUrl; at most 64 KiB as JSON" }),
    metadata: t.field({ type: "JSONObject", description: "free-form, at most 64 keys and 16 KiB" }),
    clientId: t.string({ description: "OAuth client for this instance, overriding the preset's; at most 512 characters" }),
    clientSecret: t.string({ description: "the OAuth client's secret, at most 8192 characters; write-only: stored encrypted, never returned" }),
  }),
});

builder.mutationField("createConnector", (t) =>
  t.prismaField({
    type: ConnectorType,
    description: "Adds a connector in state CREATED, with the preset's tools (event CREATED); connectConnector connects it",
    args: { input: t.arg({ type: CreateConnectorInput, required: true, description: "where the connector comes from, and its settings" }) },
    errors: resultUnion("createConnector", "connector", [ValidationError, NotFoundError, ForbiddenError], "the new connector, in state CREATED with the preset's tools"),
    resolve: async (query, _root, { input }, ctx) => {
      const { id } = await createConnector(ctx.services, ctx.viewer, input);
      return ctx.services.db.connector.findUniqueOrThrow({ ...payloadQuery(query), where: { id } });
    },
  }),
);
