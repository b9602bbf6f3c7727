import { isDeepStrictEqual } from "node:util";
import type { Prisma } from "../generated/prisma/client.js";
import type { ConnectorScope, ConnectorState } from "../generated/prisma/enums.js";
import { checkFilter } from "../validation/filter-caps.js";
import { containsText } from "../validation/search.js";

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
  checkFilter(filter);
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
