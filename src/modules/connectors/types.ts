import { canSeeConnector } from "../../auth/visibility.js";
import { builder } from "../../builder.js";
import { AuthTypeEnum, ConnectorScopeEnum, ConnectorStateEnum } from "../common/enums.js";
import { pageAfterVisibleCursor, pageOptionsOf } from "../common/pagination.js";
import { ConnectorEventType } from "../connector-events/types.js";
import { PresetType } from "../presets/types.js";
import { ToolRef } from "../tools/types.js";
import { OrganizationType, UserType } from "../viewer/types.js";
import { isAuthenticated } from "../../connectors/facts.js";

const AuthorizationRequestType = builder
  .objectRef<{ authorizationUrl: string; expiresAt: Date }>("AuthorizationRequest")
  .implement({
    description: "An OAuth consent to complete in a browser",
    fields: (t) => ({
      authorizationUrl: t.expose("authorizationUrl", { type: "URL", description: "open this in the browser" }),
      expiresAt: t.expose("expiresAt", { type: "DateTime" }),
    }),
  });

export const ConnectorType = builder.prismaNode("Connector", {
  description: "One configured instance of an integration: one Zendesk account, one Slack workspace.",
  id: { field: "id" },
  // Every query already filters by visibility; this guards any path that hands out a connector.
  authScopes: (connector, ctx) => canSeeConnector(ctx.viewer, connector),
  fields: (t) => ({
    type: t.exposeString("type", { description: 'the preset\'s slug, or "mcp" for a custom MCP server' }),
    name: t.exposeString("name", { description: '"Production Zendesk" vs "Sandbox Zendesk"' }),
    handle: t.exposeString("handle", {
      description: "short, stable, unique in the organization: the prefix of its tools on /mcp (made from the name at creation)",
    }),
    mcpEndpoint: t.field({
      type: "URL",
      description: "this connector's MCP gateway endpoint for agents ({PUBLIC_URL}/mcp/{id}); they authenticate with a Plugboard API key",
      resolve: (c, _args, ctx) => `${ctx.origin}/mcp/${c.id}`,
    }),
    url: t.expose("url", { type: "URL", description: "the connector's MCP server" }),
    preset: t.relation("preset", { type: PresetType, nullable: true }),
    scope: t.expose("scope", { type: ConnectorScopeEnum }),
    authType: t.expose("authType", { type: AuthTypeEnum }),
    state: t.expose("state", { type: ConnectorStateEnum }),
    statusReason: t.exposeString("statusReason", {
      nullable: true,
      description: "human-readable, set when state is not CONNECTED",
    }),
    disconnectReason: t.exposeString("disconnectReason", { nullable: true }),
    authRequest: t.field({
      type: AuthorizationRequestType,
      nullable: true,
      description: "set while state is AUTH_REQUIRED",
      select: {
        authorizations: {
          where: { usedAt: null },
          orderBy: { createdAt: "desc" },
          take: 1,
          select: { authorizationUrl: true, expiresAt: true },
        },
      },
      resolve: (c) => (c.state === "AUTH_REQUIRED" ? (c.authorizations[0] ?? null) : null),
    }),
    isActive: t.exposeBoolean("isActive", { description: "inactive connectors are hidden from agent tool pickers" }),
    isConfigured: t.exposeBoolean("isConfigured", {
      description: "configuration satisfies the preset's configSchema",
    }),
    isAuthenticated: t.boolean({ resolve: (c) => isAuthenticated(c) }),
    syncEnabled: t.exposeBoolean("syncEnabled"),
    agentEnabled: t.exposeBoolean("agentEnabled"),
    configuration: t.field({
      type: "JSONObject",
      nullable: true,
      resolve: (c) => (c.configuration as Record<string, unknown> | null) ?? null,
    }),
    metadata: t.field({
      type: "JSONObject",
      nullable: true,
      resolve: (c) => (c.metadata as Record<string, unknown> | null) ?? null,
    }),
    createdBy: t.relation("createdBy", { type: UserType, nullable: true }),
    organization: t.relation("organization", { type: OrganizationType }),
    lastSyncAt: t.expose("lastSyncAt", {
      type: "DateTime",
      nullable: true,
      description: "last successful tool discovery or health check",
    }),
    lastError: t.exposeString("lastError", { nullable: true }),
    tools: t.field({
      type: [ToolRef],
      args: { includeDisabled: t.arg.boolean({ defaultValue: true }) },
      select: (args) => ({
        tools: {
          where: args.includeDisabled === false ? { disabled: false } : {},
          orderBy: [{ position: "asc" }, { name: "asc" }],
        },
      }),
      resolve: (c) => c.tools,
    }),
    events: t.prismaConnection(
      {
        type: ConnectorEventType,
        cursor: "id",
        ...pageOptionsOf("evt"),
        description: "the audit trail, newest first",
        resolve: (query, c, _args, ctx) =>
          pageAfterVisibleCursor(
            query,
            // an event of this connector: the connector itself is visible, or this field would not resolve
            (id) => ctx.services.db.connectorEvent.findFirst({ where: { id, connectorId: c.id }, select: { id: true } }),
            () => ctx.services.db.connectorEvent.findMany({ ...query, where: { connectorId: c.id }, orderBy: { seq: "desc" } }),
          ),
        totalCount: (c, _args, ctx) => ctx.services.db.connectorEvent.count({ where: { connectorId: c.id } }),
      },
      { name: "ConnectorEventConnection" },
      { name: "ConnectorEventEdge" },
    ),
    version: t.exposeInt("version", { description: "+1 on every change; events carry it, so clients can order them" }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "bumped on state changes and reconfigurations" }),
  }),
});

builder.objectField(ToolRef, "connector", (t) =>
  t.field({
    type: ConnectorType,
    nullable: true,
    description: "the connector this copy of the tool belongs to; null on a preset's tools",
    // findUnique so that Prisma batches a page's lookups into one query; visibility is the type's authScopes
    resolve: (tool, _args, ctx) => (tool.connectorId ? ctx.services.db.connector.findUnique({ where: { id: tool.connectorId } }) : null),
  }),
);
