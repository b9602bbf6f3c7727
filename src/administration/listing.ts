import type { Prisma } from "../generated/prisma/client.js";
import type { Role } from "../generated/prisma/enums.js";

/** What a listing of keys may be narrowed to. */
export interface ApiKeyFilter {
  userId?: string | null;
  role?: Role | null;
  /** true: only revoked keys; false: only keys that work */
  revoked?: boolean | null;
}

export function apiKeysWhere(organizationId: string, filter: ApiKeyFilter | null | undefined): Prisma.ApiKeyWhereInput {
  return {
    organizationId,
    ...(filter?.userId ? { userId: filter.userId } : {}),
    ...(filter?.role ? { role: filter.role } : {}),
    ...(filter?.revoked == null ? {} : { revokedAt: filter.revoked ? { not: null } : null }),
  };
}

export interface UserFilter {
  /** true: only deactivated users; false: only active ones */
  deactivated?: boolean | null;
  role?: Role | null;
}

export function usersWhere(organizationId: string, filter: UserFilter | null | undefined): Prisma.UserWhereInput {
  return {
    organizationId,
    ...(filter?.role ? { role: filter.role } : {}),
    ...(filter?.deactivated == null ? {} : { deactivatedAt: filter.deactivated ? { not: null } : null }),
  };
}

/** Every listing is newest first: ids are time-ordered, so the id is the order and the cursor. */
export const NEWEST_FIRST = { id: "desc" } as const;
