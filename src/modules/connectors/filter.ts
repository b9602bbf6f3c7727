import type { Prisma } from "../../generated/prisma/client.js";
import { builder } from "../../builder.js";
import { ConnectorScopeEnum, ConnectorStateEnum, OrderDirectionEnum } from "../common/enums.js";
export const ConnectorFilterInput = builder.inputType("ConnectorFilter", {
  description: "Narrows a list of connectors; every given condition must hold",
  fields: (t) => ({
    state: t.field({ type: [ConnectorStateEnum], description: "any of these states" }),
    type: t.stringList({ description: 'any of these types (preset slugs, or "mcp")' }),
    scope: t.field({ type: ConnectorScopeEnum }),
    isActive: t.boolean(),
    search: t.string({ description: "name or type, case-insensitive" }),
    metadata: t.field({ type: "JSONObject", description: "every key/value given must match" }),
  }),
});

const ConnectorOrderFieldEnum = builder.enumType("ConnectorOrderField", {
  values: ["CREATED_AT", "UPDATED_AT", "NAME"] as const,
});

export const ConnectorOrderInput = builder.inputType("ConnectorOrder", {
  description: "Sort order of a connector list (ties break by id)",
  fields: (t) => ({
    field: t.field({ type: ConnectorOrderFieldEnum, required: true }),
    direction: t.field({ type: OrderDirectionEnum, required: true }),
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
