import { builder } from "../../builder.js";
import { AuthTypeEnum } from "../common/enums.js";
import { ToolRef } from "../tools/types.js";

export const PresetType = builder.prismaNode("Preset", {
  description: "A catalog template that connectors are created from (one per service).",
  id: { field: "id" },
  // select mode: only the columns the query asks for (not the OAuth and auth settings' JSON)
  select: { id: true },
  fields: (t) => ({
    slug: t.exposeString("slug", { description: 'e.g. "zendesk", "github", "slack"' }),
    name: t.exposeString("name", { description: 'the service\'s name, e.g. "Zendesk"' }),
    description: t.exposeString("description", { nullable: true, description: "what the service is, for the catalog page; null when the catalog has none" }),
    iconUrl: t.expose("iconUrl", { type: "URL", nullable: true, description: "the service's icon; null when the catalog has none" }),
    mcpUrl: t.expose("mcpUrl", { type: "URL", description: "the MCP server this preset connects to; {placeholders} in it are filled from a connector's configuration of the same name" }),
    authType: t.expose("authType", { type: AuthTypeEnum, description: "how its connectors authenticate" }),
    oauthScopes: t.exposeStringList("oauthScopes", { description: "the OAuth scopes a consent asks for; empty when the preset is not OAuth or leaves them to the server" }),
    configSchema: t.field({
      type: "JSONObject",
      nullable: true,
      description: "JSON Schema that a connector's configuration must satisfy; null when any configuration will do",
      select: { configSchema: true },
      resolve: (p) => (p.configSchema as Record<string, unknown> | null) ?? null,
    }),
    enabled: t.exposeBoolean("enabled", { description: "new connectors and personal configurations can be made from it; existing ones keep working" }),
    tools: t.field({
      type: [ToolRef],
      description: "the tools this service exposes (disabled is always false here)",
      select: { tools: { orderBy: [{ position: "asc" }, { name: "asc" }] } },
      resolve: (p) => p.tools,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "when it entered the catalog" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "when the catalog last changed it" }),
  }),
});
