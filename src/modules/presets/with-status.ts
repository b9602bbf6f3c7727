import { visibleConnectorsWhere } from "../../auth/visibility.js";
import { builder } from "../../builder.js";
import { derivedId } from "../../db/ids.js";
import { InstallStatusEnum } from "../common/enums.js";
import { ConnectorType } from "../connectors/types.js";
import { installStatus } from "../../connectors/facts.js";
import { PresetFilterInput, presetWhere } from "./filter.js";

const ConnectorServerType = builder.prismaObject("Connector", {
  variant: "ConnectorServer",
  description: "A catalog entry's install, as the catalog page shows it",
  fields: (t) => ({
    id: t.id({
      description: "csrv_ and the random part of the connector's id: not the connector's own, which its Connector has",
      resolve: (c) => derivedId("csrv", c.id),
    }),
    status: t.field({ type: InstallStatusEnum, nullable: true, resolve: (c) => installStatus(c.state) }),
    config: t.field({
      type: "JSONObject",
      nullable: true,
      resolve: (c) => (c.configuration as Record<string, unknown> | null) ?? null,
    }),
    connector: t.variant(ConnectorType),
  }),
});

const ConnectorWithStatusType = builder.prismaObject("Preset", {
  variant: "ConnectorWithStatus",
  description:
    "A catalog entry with this workspace's install of it (null when not installed).\n" +
    "Not a Node: its id (cws_…) is derived from the preset's, so that no two types share an id.",
  fields: (t) => ({
    id: t.id({
      description: "cws_ and the random part of the preset's id: not the preset's own, which its Preset has",
      resolve: (p) => derivedId("cws", p.id),
    }),
    name: t.exposeString("name"),
    slug: t.exposeString("slug"),
    description: t.exposeString("description", { nullable: true }),
    iconUrl: t.expose("iconUrl", { type: "URL", nullable: true }),
    mcpUrl: t.expose("mcpUrl", { type: "URL" }),
    oauthScopes: t.exposeStringList("oauthScopes"),
    configSchema: t.field({
      type: "JSONObject",
      nullable: true,
      resolve: (p) => (p.configSchema as Record<string, unknown> | null) ?? null,
    }),
    enabled: t.exposeBoolean("enabled"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    server: t.field({
      type: ConnectorServerType,
      nullable: true,
      description: "the most recently updated install the viewer can see",
      select: (_args, ctx, nestedSelection) => ({
        connectors: nestedSelection({
          where: visibleConnectorsWhere(ctx.viewer),
          orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
          take: 1,
        }),
      }),
      resolve: (p) => p.connectors[0] ?? null,
    }),
    installations: t.relation("connectors", {
      type: ConnectorType,
      description: "every install the viewer can see",
      query: (_args, ctx) => ({ where: visibleConnectorsWhere(ctx.viewer), orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    }),
  }),
});

builder.queryField("connectorsWithStatus", (t) =>
  t.prismaField({
    type: [ConnectorWithStatusType],
    description: "The catalog joined with this workspace's installs",
    args: { filter: t.arg({ type: PresetFilterInput }) },
    resolve: (query, _root, args, ctx) =>
      ctx.services.db.preset.findMany({ ...query, where: presetWhere(args.filter), orderBy: [{ name: "asc" }, { id: "asc" }] }),
  }),
);
