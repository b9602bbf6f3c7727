import { visiblePersonalConfigurationsWhere } from "../../auth/visibility.js";
import { builder } from "../../builder.js";
import { isIdOf } from "../../db/ids.js";
import type { Prisma } from "../../generated/prisma/client.js";
import type { HealthStatus } from "../../generated/prisma/enums.js";
import { HealthStatusEnum } from "../common/enums.js";
import { checkFilter, FILTER_LIMITS } from "../../validation/filter-caps.js";
import { countUnlessWhole, pageAfterVisibleCursor, pageOptionsOf } from "../common/pagination.js";
import { PersonalConfigurationType } from "./types.js";

const PersonalConfigurationFilterInput = builder.inputType("PersonalConfigurationFilter", {
  description: `Narrows a list of personal configurations; every given condition must hold. Lists hold at most ${FILTER_LIMITS.items} values, strings at most ${FILTER_LIMITS.text} characters`,
  fields: (t) => ({
    presetSlug: t.string({ description: `only configurations of the preset with this slug (at most ${FILTER_LIMITS.text} characters)` }),
    enabled: t.boolean({ description: "only enabled (true) or only disabled (false) ones" }),
    healthStatus: t.field({ type: [HealthStatusEnum], description: `any of these health statuses (at most ${FILTER_LIMITS.items})` }),
    metadata: t.field({
      type: "JSONObject",
      description: `every key given must have exactly this value in the configuration's metadata (JSON equality; at most ${FILTER_LIMITS.metadataKeys} keys, ${FILTER_LIMITS.metadataBytes} bytes as JSON)`,
    }),
  }),
});

interface Filter {
  presetSlug?: string | null;
  enabled?: boolean | null;
  healthStatus?: HealthStatus[] | null;
  metadata?: Record<string, unknown> | null;
}

function filterWhere(f: Filter | null | undefined): Prisma.PersonalConfigurationWhereInput {
  if (!f) return {};
  checkFilter(f);
  const and: Prisma.PersonalConfigurationWhereInput[] = [];
  if (f.presetSlug) and.push({ preset: { slug: f.presetSlug } });
  if (f.enabled != null) and.push({ enabled: f.enabled });
  if (f.healthStatus) and.push({ healthStatus: { in: f.healthStatus } });
  for (const [key, value] of Object.entries(f.metadata ?? {})) {
    and.push({ metadata: { path: [key], equals: value as Prisma.InputJsonValue } });
  }
  return and.length ? { AND: and } : {};
}

builder.queryFields((t) => ({
  personalConfigurations: t.prismaConnection(
    {
      type: PersonalConfigurationType,
      cursor: "id",
      ...pageOptionsOf("pconf"),
      description: "The viewer's own personal configurations, newest first",
      args: { filter: t.arg({ type: PersonalConfigurationFilterInput, description: "only the configurations that match; all of the viewer's when absent" }) },
      resolve: (query, _root, args, ctx, info) =>
        pageAfterVisibleCursor(
          query,
          (id) =>
            ctx.services.db.personalConfiguration.findFirst({
              where: { id, ...visiblePersonalConfigurationsWhere(ctx.viewer) },
              select: { id: true },
            }),
          () =>
            ctx.services.db.personalConfiguration.findMany({
              ...query,
              where: { AND: [visiblePersonalConfigurationsWhere(ctx.viewer), filterWhere(args.filter)] },
              orderBy: [{ createdAt: "desc" }, { id: "desc" }],
            }),
          info,
        ),
      totalCount: (_root, args, ctx, info) =>
        countUnlessWhole(info, () =>
          ctx.services.db.personalConfiguration.count({
            where: { AND: [visiblePersonalConfigurationsWhere(ctx.viewer), filterWhere(args.filter)] },
          }),
        ),
    },
    { name: "PersonalConfigurationConnection", description: "A page of the viewer's personal configurations" },
    { name: "PersonalConfigurationEdge", description: "A personal configuration in a page, with its cursor" },
  ),
  personalConfiguration: t.prismaField({
    type: PersonalConfigurationType,
    nullable: true,
    description: "One of the viewer's personal configurations, or null when it does not exist or is someone else's",
    args: { id: t.arg.id({ required: true, description: "its id (pconf_…); any other id gives null" }) },
    resolve: (query, _root, args, ctx) =>
      isIdOf("pconf", args.id)
        ? ctx.services.db.personalConfiguration.findFirst({
            ...query,
            where: { id: args.id, ...visiblePersonalConfigurationsWhere(ctx.viewer) },
          })
        : null,
  }),
}));
