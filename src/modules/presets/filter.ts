import { builder } from "../../builder.js";
import { FILTER_LIMITS } from "../../validation/filter-caps.js";
import type { Prisma } from "../../generated/prisma/client.js";
import type { AuthType } from "../../generated/prisma/enums.js";
import { AuthTypeEnum } from "../common/enums.js";
import { checkFilter } from "../../validation/filter-caps.js";
import { containsText } from "../../validation/search.js";

export const PresetFilterInput = builder.inputType("PresetFilter", {
  description: `Narrows the catalog; every given condition must hold. Lists hold at most ${FILTER_LIMITS.items} values, strings at most ${FILTER_LIMITS.text} characters`,
  fields: (t) => ({
    search: t.string({ description: `a substring of the name, slug or description, case-insensitive (% and _ match themselves; at most ${FILTER_LIMITS.text} characters)` }),
    authType: t.field({ type: [AuthTypeEnum], description: `any of these auth types (at most ${FILTER_LIMITS.items})` }),
    enabled: t.boolean({ description: "only enabled (true) or only disabled (false) presets" }),
  }),
});

export interface PresetFilter {
  search?: string | null;
  authType?: AuthType[] | null;
  enabled?: boolean | null;
}

export function presetWhere(filter: PresetFilter | null | undefined): Prisma.PresetWhereInput {
  const where: Prisma.PresetWhereInput = {};
  if (!filter) return where;
  checkFilter(filter);
  if (filter.search) {
    const contains = containsText(filter.search);
    where.OR = [{ name: contains }, { slug: contains }, { description: contains }];
  }
  if (filter.authType) where.authType = { in: filter.authType };
  if (filter.enabled != null) where.enabled = filter.enabled;
  return where;
}
