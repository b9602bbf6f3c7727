import { builder } from "../../builder.js";
import { AuthTypeEnum } from "../common/enums.js";
import { ToolRef } from "../tools/types.js";

export const PresetType = builder.prismaNode("Preset", {
  description: "A catalog template that connectors are created from (one per service).",
  id: { field: "id" },
  fields: (t) => ({
    slug: t.exposeString("slug", { description: 'e.g. "zendesk", "github", "slack"' }),
    name: t.exposeString("name"),
    description: t.exposeString("description", { nullable: true }),
    iconUrl: t.expose("iconUrl", { type: "URL", nullable: true }),
    mcpUrl: t.expose("mcpUrl", { type: "URL", description: "the MCP server this preset connects to" }),
    authType: t.expose("authType", { type: AuthTypeEnum }),
    oauthScopes: t.exposeStringList("oauthScopes"),
    configSchema: t.field({
      type: "JSONObject",
      nullable: true,
      description: "JSON Schema that a connector's configuration must satisfy",
      resolve: (p) => (p.configSchema as Record<string, unknown> | null) ?? null,
    }),
    enabled: t.exposeBoolean("enabled"),
    tools: t.field({
      type: [ToolRef],
      description: "the tools this service exposes (disabled is always false here)",
      select: { tools: { orderBy: [{ position: "asc" }, { name: "asc" }] } },
      resolve: (p) => p.tools,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});
