import { canSeeConnector } from "../../auth/visibility.js";
import { builder } from "../../builder.js";
import { AuthTypeEnum, ConnectorScopeEnum, ConnectorStateEnum } from "../common/enums.js";
import { countUnlessWhole, pageAfterVisibleCursor, pageOptionsOf } from "../common/pagination.js";
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
      expiresAt: t.expose("expiresAt", { type: "DateTime", description: "after this the URL no longer works: call connectConnector again" }),
    }),
  });

/**
 * What a Tool field reads of a connector's tool: not its output schema, annotations or times, nor
 * its input schema, which Tool.inputSchema loads when it is asked for (Prisma re-serializes every
 * JSON column of a joined relation, a tenth of a 50 × 10 list's CPU when the page never shows it).
 */
const TOOL_COLUMNS = {
  id: true, connectorId: true, name: true, label: true, description: true, type: true,
  requiresConfirmation: true, disabled: true, pendingReview: true,
} as const;

export const ConnectorType = builder.prismaNode("Connector", {
  description: "One configured instance of an integration: one Zendesk account, one Slack workspace.",
  id: { field: "id" },
  // Not select mode: in it, a field of a row that did not come from the query (a subscription's
  // payload, a mutation's) is read again from the database, so an event would show the connector as
  // it is now instead of at its version.
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
    preset: t.relation("preset", { type: PresetType, nullable: true, description: "the catalog entry it was made from; null for a custom MCP server" }),
    scope: t.expose("scope", { type: ConnectorScopeEnum, description: "who sees and manages it; fixed at creation" }),
    authType: t.expose("authType", {
      type: AuthTypeEnum,
      description: "the credentials connectConnector takes: the preset's; for a custom server, what it was last connected with",
    }),
    state: t.expose("state", { type: ConnectorStateEnum, description: "where it is in its lifecycle; agents use only CONNECTED connectors" }),
    statusReason: t.exposeString("statusReason", {
      nullable: true,
      description: "human-readable, set when state is not CONNECTED",
    }),
    disconnectReason: t.exposeString("disconnectReason", {
      nullable: true,
      description: "the reason given to disconnectConnector; null when none was given, and again after a connect",
    }),
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
    isAuthenticated: t.boolean({
      description: "the server last accepted its credentials: CONNECTED, or ERROR after they were accepted (the server stopped answering)",
      resolve: (c) => isAuthenticated(c),
    }),
    syncEnabled: t.exposeBoolean("syncEnabled", { description: "its tools are discovered again every SYNC_INTERVAL while it is CONNECTED" }),
    agentEnabled: t.exposeBoolean("agentEnabled", { description: "agents may use its tools through the MCP gateway (with isActive and CONNECTED)" }),
    configuration: t.field({
      type: "JSONObject",
      nullable: true,
      description: "its settings under the preset's configSchema (never a secret); null when it has none",
      resolve: (c) => (c.configuration as Record<string, unknown> | null) ?? null,
    }),
    metadata: t.field({
      type: "JSONObject",
      nullable: true,
      description: "free-form data of the client's (at most 64 keys, 16 KiB); null when none was set",
      resolve: (c) => (c.metadata as Record<string, unknown> | null) ?? null,
    }),
    createdBy: t.relation("createdBy", { type: UserType, nullable: true, description: "who created it; null when an organization API key did" }),
    organization: t.relation("organization", { type: OrganizationType, description: "the organization it belongs to: the viewer's" }),
    lastSyncAt: t.expose("lastSyncAt", {
      type: "DateTime",
      nullable: true,
      description: "last successful tool discovery or health check",
    }),
    lastError: t.exposeString("lastError", {
      nullable: true,
      description: "what the last failed attempt at its server said (never a secret); null since the last success",
    }),
    tools: t.field({
      type: [ToolRef],
      description: "its tools in the order its server lists them",
      args: {
        includeDisabled: t.arg.boolean({ defaultValue: true, description: "false leaves out disabled tools (and those held for review)" }),
      },
      select: (args) => ({
        tools: {
          where: args.includeDisabled === false ? { disabled: false } : {},
          orderBy: [{ position: "asc" }, { name: "asc" }],
          select: TOOL_COLUMNS,
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
        resolve: (query, c, _args, ctx, info) =>
          pageAfterVisibleCursor(
            query,
            // an event of this connector: the connector itself is visible, or this field would not resolve
            (id) => ctx.services.db.connectorEvent.findFirst({ where: { id, connectorId: c.id }, select: { id: true } }),
            () => ctx.services.db.connectorEvent.findMany({ ...query, where: { connectorId: c.id }, orderBy: { seq: "desc" } }),
            info,
          ),
        totalCount: (c, _args, ctx, info) => countUnlessWhole(info, () => ctx.services.db.connectorEvent.count({ where: { connectorId: c.id } })),
      },
      { name: "ConnectorEventConnection", description: "A page of a connector's audit trail" },
      { name: "ConnectorEventEdge", description: "An event in a page of the audit trail, with its cursor" },
    ),
    version: t.exposeInt("version", { description: "+1 on every change; events carry it, so clients can order them" }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "when createConnector made it" }),
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
