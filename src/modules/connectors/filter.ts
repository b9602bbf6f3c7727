import type { Prisma } from "../../generated/prisma/client.js";
import { builder } from "../../builder.js";
import { ConnectorScopeEnum, ConnectorStateEnum, OrderDirectionEnum } from "../common/enums.js";
export const ConnectorFilterInput = builder.inputType("ConnectorFilter", {
  description: "Narrows a list of connectors; every given condition must hold",
  fields: (t) => ({
    state: t.field({ type: [ConnectorStateEnum], description: "any of these states" }),
    type: t.stringList({ description: 'any of these types (preset slugs, or "mcp")' }),
    scope: t.field({ type: ConnectorScopeEnum, description: "only TEAM, or only PERSONAL, connectors" }),
    isActive: t.boolean({ description: "only active (true) or only inactive (false) connectors" }),
    search: t.string({ description: "a substring of the name or the type, case-insensitive (% and _ match themselves)" }),
    metadata: t.field({ type: "JSONObject", description: "every key given must have exactly this value in the connector's metadata (JSON equality)" }),
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
