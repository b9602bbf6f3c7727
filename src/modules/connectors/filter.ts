import { isDeepStrictEqual } from "node:util";
import { builder } from "../../builder.js";
import type { Prisma } from "../../generated/prisma/client.js";
import type { ConnectorScope, ConnectorState } from "../../generated/prisma/enums.js";
import { ConnectorScopeEnum, ConnectorStateEnum, OrderDirectionEnum } from "../common/enums.js";
import { containsText } from "../common/search.js";

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

export interface ConnectorFilter {
  state?: ConnectorState[] | null;
  type?: string[] | null;
  scope?: ConnectorScope | null;
  isActive?: boolean | null;
  search?: string | null;
  metadata?: Record<string, unknown> | null;
}

export function connectorWhere(filter: ConnectorFilter | null | undefined): Prisma.ConnectorWhereInput {
  if (!filter) return {};
  const and: Prisma.ConnectorWhereInput[] = [];
  if (filter.state) and.push({ state: { in: filter.state } });
  if (filter.type) and.push({ type: { in: filter.type } });
  if (filter.scope) and.push({ scope: filter.scope });
  if (filter.isActive != null) and.push({ isActive: filter.isActive });
  if (filter.search) {
    const contains = containsText(filter.search);
    and.push({ OR: [{ name: contains }, { type: contains }] });
  }
  for (const [key, value] of Object.entries(filter.metadata ?? {})) {
    and.push({ metadata: { path: [key], equals: value as Prisma.InputJsonValue } });
  }
  return and.length ? { AND: and } : {};
}

/** In-memory twin of connectorWhere, for events that subscriptions filter without a query. */
export function matchesConnectorFilter(
  c: { state: ConnectorState; type: string; scope: ConnectorScope; isActive: boolean; name: string; metadata: unknown },
  filter: ConnectorFilter | null | undefined,
): boolean {
  if (!filter) return true;
  if (filter.state && !filter.state.includes(c.state)) return false;
  if (filter.type && !filter.type.includes(c.type)) return false;
  if (filter.scope && filter.scope !== c.scope) return false;
  if (filter.isActive != null && filter.isActive !== c.isActive) return false;
  if (filter.search) {
    const s = filter.search.toLowerCase();
    if (!c.name.toLowerCase().includes(s) && !c.type.toLowerCase().includes(s)) return false;
  }
  const meta = (c.metadata ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(filter.metadata ?? {})) {
    // jsonb equality, as the database compares: key order does not matter
    if (!isDeepStrictEqual(meta[key], value)) return false;
  }
  return true;
}

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
