import { Prisma } from "../generated/prisma/client.js";
import type { ConnectorScope } from "../generated/prisma/enums.js";
import type { Viewer } from "./viewer.js";

/**
 * Who may see what — the one rule every path (queries, mutations, subscriptions, OAuth, MCP) uses.
 * Another organization's objects do not exist for the viewer. TEAM connectors are visible to their
 * whole organization; PERSONAL connectors and personal configurations only to their owner: the
 * viewer's user (by API key or signed in with a token alike), or, for an API key without a user,
 * that key. A viewer with neither owns nothing: a null never matches a null owner.
 */
interface Owned {
  organizationId: string;
  scope: ConnectorScope;
  ownerUserId: string | null;
  ownerApiKeyId: string | null;
}

export function canSee(viewer: Viewer, o: Owned): boolean {
  if (o.organizationId !== viewer.organizationId) return false;
  if (o.scope === "TEAM") return true;
  if (viewer.userId) return o.ownerUserId === viewer.userId;
  return viewer.apiKeyId !== null && o.ownerUserId === null && o.ownerApiKeyId === viewer.apiKeyId;
}

/** Prisma matches `field: null` as IS NULL; this id matches no row, for a viewer that owns nothing. */
const NO_ONE = "\u0000nobody";

export function connectorOwnership(c: {
  organizationId: string;
  scope: ConnectorScope;
  createdById: string | null;
  ownerApiKeyId: string | null;
}): Owned {
  return {
    organizationId: c.organizationId,
    scope: c.scope,
    ownerUserId: c.createdById,
    ownerApiKeyId: c.ownerApiKeyId,
  };
}

export const canSeeConnector = (viewer: Viewer, c: Parameters<typeof connectorOwnership>[0]) =>
  canSee(viewer, connectorOwnership(c));

export function visibleConnectorsWhere(viewer: Viewer): Prisma.ConnectorWhereInput {
  const mine: Prisma.ConnectorWhereInput = viewer.userId
    ? { createdById: viewer.userId }
    : { ownerApiKeyId: viewer.apiKeyId ?? NO_ONE, createdById: null };
  return { organizationId: viewer.organizationId, OR: [{ scope: "TEAM" }, { scope: "PERSONAL", ...mine }] };
}

export function visibleEventsWhere(viewer: Viewer): Prisma.ConnectorEventWhereInput {
  const mine: Prisma.ConnectorEventWhereInput = viewer.userId
    ? { ownerUserId: viewer.userId }
    : { ownerApiKeyId: viewer.apiKeyId ?? NO_ONE, ownerUserId: null };
  return { organizationId: viewer.organizationId, OR: [{ scope: "TEAM" }, { scope: "PERSONAL", ...mine }] };
}

export function visiblePersonalConfigurationsWhere(viewer: Viewer): Prisma.PersonalConfigurationWhereInput {
  return viewer.userId
    ? { organizationId: viewer.organizationId, userId: viewer.userId }
    : { organizationId: viewer.organizationId, apiKeyId: viewer.apiKeyId ?? NO_ONE, userId: null };
}

export function canSeePersonalConfiguration(
  viewer: Viewer,
  p: { organizationId: string; userId: string | null; apiKeyId: string | null },
): boolean {
  if (p.organizationId !== viewer.organizationId) return false;
  if (viewer.userId) return p.userId === viewer.userId;
  return viewer.apiKeyId !== null && p.userId === null && p.apiKeyId === viewer.apiKeyId;
}

/**
 * visibleConnectorsWhere as SQL on "Connector" aliased `c`, for the statements Prisma cannot write
 * (a LATERAL … LIMIT 1). The two must say the same thing: test/queries/visibility.test.ts checks both.
 */
export function visibleConnectorsSql(viewer: Viewer): Prisma.Sql {
  const mine = viewer.userId
    ? Prisma.sql`c."createdById" = ${viewer.userId}`
    : Prisma.sql`c."ownerApiKeyId" = ${viewer.apiKeyId ?? NO_ONE} AND c."createdById" IS NULL`;
  return Prisma.sql`c."organizationId" = ${viewer.organizationId} AND (c."scope" = 'TEAM' OR (c."scope" = 'PERSONAL' AND ${mine}))`;
}
