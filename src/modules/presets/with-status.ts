import { queryFromInfo } from "@pothos/plugin-prisma";
import { visibleConnectorsWhere } from "../../auth/visibility.js";
import { builder } from "../../builder.js";
import { derivedId } from "../../db/ids.js";
import { InstallStatusEnum } from "../common/enums.js";
import { ConnectorType } from "../connectors/types.js";
import { installStatus } from "../../connectors/facts.js";
import { latestVisibleInstalls } from "../../connectors/latest-installs.js";
import type { Connector, Preset } from "../../generated/prisma/client.js";
import { PresetFilterInput, presetWhere } from "./filter.js";

const ConnectorServerType = builder.prismaObject("Connector", {
  variant: "ConnectorServer",
  description: "A catalog entry's install, as the catalog page shows it",
  fields: (t) => ({
    id: t.id({
      description: "csrv_ and the random part of the connector's id: not the connector's own, which its Connector has",
      resolve: (c) => derivedId("csrv", c.id),
    }),
    status: t.field({
      type: InstallStatusEnum,
      nullable: true,
      description: "the connector's state in three: CONNECTED, DISCONNECTED or ERROR",
      resolve: (c) => installStatus(c.state),
    }),
    config: t.field({
      type: "JSONObject",
      nullable: true,
      description: "the connector's configuration (never a secret); null when it has none",
      resolve: (c) => (c.configuration as Record<string, unknown> | null) ?? null,
    }),
    connector: t.variant(ConnectorType, { description: "the install itself, with everything a Connector has" }),
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
    name: t.exposeString("name", { description: "the preset's name" }),
    slug: t.exposeString("slug", { description: "the preset's slug: createConnector's presetSlug" }),
    description: t.exposeString("description", { nullable: true, description: "the preset's description; null when it has none" }),
    iconUrl: t.expose("iconUrl", { type: "URL", nullable: true, description: "the preset's icon; null when it has none" }),
    mcpUrl: t.expose("mcpUrl", { type: "URL", description: "the preset's MCP server URL (it may hold {placeholders})" }),
    oauthScopes: t.exposeStringList("oauthScopes", { description: "the OAuth scopes a consent asks for" }),
    configSchema: t.field({
      type: "JSONObject",
      nullable: true,
      description: "JSON Schema that an install's configuration must satisfy; null when it takes none",
      resolve: (p) => (p.configSchema as Record<string, unknown> | null) ?? null,
    }),
    enabled: t.exposeBoolean("enabled", { description: "new installs can be made from it" }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "when it entered the catalog" }),
    server: t.field({
      type: ConnectorServerType,
      nullable: true,
      description: "the most recently updated install the viewer can see",
      // loaded by connectorsWithStatus below, for every preset of the list at once
      resolve: (p) => (p as WithLatestInstall).latestInstall ?? null,
    }),
    installations: t.relation("connectors", {
      type: ConnectorType,
      description: "every install the viewer can see",
      query: (_args, ctx) => ({ where: visibleConnectorsWhere(ctx.viewer), orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    }),
  }),
});

/** A preset as connectorsWithStatus returns it: with its `server`, or null. */
type WithLatestInstall = Preset & { latestInstall?: Connector | null };

builder.queryField("connectorsWithStatus", (t) =>
  t.prismaField({
    type: [ConnectorWithStatusType],
    description: "The catalog joined with this workspace's installs, by name (not paged)",
    args: { filter: t.arg({ type: PresetFilterInput, description: "only the catalog entries that match; all of them when absent" }) },
    // three statements whatever the number of installs: the presets, the newest visible install of
    // each (one LATERAL … LIMIT 1 apiece), and those installs with what the query selects of them
    resolve: async (query, _root, args, ctx, info) => {
      const { db } = ctx.services;
      const presets: WithLatestInstall[] = await db.preset.findMany({ ...query, where: presetWhere(args.filter), orderBy: [{ name: "asc" }, { id: "asc" }] });
      const latest = await latestVisibleInstalls(db, ctx.viewer, presets.map((p) => p.id));
      const installs = latest.size
        ? await db.connector.findMany({ ...queryFromInfo({ context: ctx, info, path: ["server"] }), where: { id: { in: [...latest.values()] } } })
        : [];
      const byId = new Map(installs.map((c) => [c.id, c]));
      for (const p of presets) p.latestInstall = byId.get(latest.get(p.id) ?? "") ?? null;
      return presets;
    },
  }),
);
