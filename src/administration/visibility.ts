import type { Viewer } from "../auth/viewer.js";
import type { Prisma } from "../generated/prisma/client.js";

/**
 * Who sees the organization's keys, users and audit trail: ADMINs see them all; a MEMBER sees only
 * their own user and their own keys (the one they use included), and no audit event. Another
 * organization's rows do not exist for anyone.
 */
// no id has this shape, so it matches no row (PostgreSQL refuses a NUL byte in a query's text)
const NO_ONE = "-nobody-";

export function visibleApiKeysWhere(viewer: Viewer): Prisma.ApiKeyWhereInput {
  if (viewer.role === "ADMIN") return { organizationId: viewer.organizationId };
  return { organizationId: viewer.organizationId, OR: [{ id: viewer.apiKeyId ?? NO_ONE }, { userId: viewer.userId ?? NO_ONE }] };
}

export function visibleUsersWhere(viewer: Viewer): Prisma.UserWhereInput {
  if (viewer.role === "ADMIN") return { organizationId: viewer.organizationId };
  return { organizationId: viewer.organizationId, id: viewer.userId ?? NO_ONE };
}

export function visibleAuditEventsWhere(viewer: Viewer): Prisma.AuditEventWhereInput {
  return viewer.role === "ADMIN" ? { organizationId: viewer.organizationId } : { id: NO_ONE };
}

export const canSeeApiKey = (viewer: Viewer, k: { organizationId: string; id: string; userId: string | null }) =>
  k.organizationId === viewer.organizationId &&
  (viewer.role === "ADMIN" || k.id === viewer.apiKeyId || (viewer.userId !== null && k.userId === viewer.userId));
