import type { Prisma } from "../../generated/prisma/client.js";
import { FILTER_LIMITS } from "../../validation/filter-caps.js";
import { builder } from "../../builder.js";
import { ConnectorScopeEnum, ConnectorStateEnum, OrderDirectionEnum } from "../common/enums.js";
export const ConnectorFilterInput = builder.inputType("ConnectorFilter", {
  description: `Narrows a list of connectors; every given condition must hold. Lists hold at most ${FILTER_LIMITS.items} values, strings at most ${FILTER_LIMITS.text} characters`,
  fields: (t) => ({
    state: t.field({ type: [ConnectorStateEnum], description: `any of these states (at most ${FILTER_LIMITS.items})` }),
    type: t.stringList({ description: `any of these types (preset slugs, or "mcp"; at most ${FILTER_LIMITS.items}, each at most ${FILTER_LIMITS.text} characters)` }),
    scope: t.field({ type: ConnectorScopeEnum, description: "only TEAM, or only PERSONAL, connectors" }),
    isActive: t.boolean({ description: "only active (true) or only inactive (false) connectors" }),
    search: t.string({ description: `a substring of the name or the type, case-insensitive (% and _ match themselves; at most ${FILTER_LIMITS.text} characters)` }),
    metadata: t.field({
      type: "JSONObject",
      description: `every key given must have exactly this value in the connector's metadata (JSON equality; at most ${FILTER_LIMITS.metadataKeys} keys, ${FILTER_LIMITS.metadataBytes} bytes as JSON)`,
    }),
  }),
});

const ConnectorOrderFieldEnum = builder.enumType("ConnectorOrderField", {
  description: "What a connector list is sorted by",
  values: {
    CREATED_AT: { description: "when it was created (the default)" },
    UPDATED_AT: { description: "when it last changed (updatedAt)" },
    NAME: { description: "its name, as the database compares text" },
  } as const,
});

export const ConnectorOrderInput = builder.inputType("ConnectorOrder", {
  description: "Sort order of a connector list (ties break by id)",
  fields: (t) => ({
    field: t.field({ type: ConnectorOrderFieldEnum, required: true, description: "what to sort by" }),
    direction: t.field({ type: OrderDirectionEnum, required: true, description: "which way; ties break by id the same way" }),
  }),
});

const COLUMN = { CREATED_AT: "createdAt", UPDATED_AT: "updatedAt", NAME: "name" } as const;

export function connectorOrderBy(
  order: { field: keyof typeof COLUMN; direction: "ASC" | "DESC" } | null | undefined,
): Prisma.ConnectorOrderByWithRelationInput[] {
  const dir = order?.direction === "ASC" ? "asc" : "desc";
  const column = COLUMN[order?.field ?? "CREATED_AT"];
  return [{ [column]: dir }, { id: dir }];
}
