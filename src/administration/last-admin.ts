import type { Tx } from "../db/client.js";
import { ValidationError } from "../errors.js";
import type { Administrator } from "./actor.js";

/**
 * Administration writes of one organization run one at a time (a transaction-scoped advisory lock),
 * so that two ADMINs revoking each other's keys at once cannot both pass the last-admin check, and
 * two createUser of one email cannot both pass the duplicate check.
 */
export async function lockOrganization(tx: Tx, organizationId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707371, hashtext(${organizationId}))`;
}

/** What a write takes away: keys it revokes, or a user it demotes or deactivates with their keys. */
export interface Removal {
  apiKeyIds?: string[];
  userId?: string;
}

/**
 * The ways an ADMIN still gets into the API: unrevoked ADMIN keys, and active ADMIN users who sign in
 * with an identity provider (they have signed in once: an invited user who never did may never be
 * able to). A user's keys share the user's fate.
 */
async function adminWaysIn(tx: Tx, organizationId: string, removing: Removal): Promise<number> {
  const keys = await tx.apiKey.count({
    where: {
      organizationId,
      role: "ADMIN",
      revokedAt: null,
      id: { notIn: removing.apiKeyIds ?? [] },
      ...(removing.userId ? { OR: [{ userId: null }, { userId: { not: removing.userId } }] } : {}),
    },
  });
  const users = await tx.user.count({
    where: {
      organizationId,
      role: "ADMIN",
      deactivatedAt: null,
      oidcSubject: { not: null },
      ...(removing.userId ? { id: { not: removing.userId } } : {}),
    },
  });
  return keys + users;
}

/**
 * Refuses the write that would take the organization's last way in as an ADMIN, so that nobody
 * locks everyone out of administration with the server running. The CLI is not held to it: it
 * needs no key, and it is how an operator gets back in. Nor is an organization that has no way in
 * already (made and run with the CLI).
 */
export async function assertAdminRemains(tx: Tx, actor: Administrator, removing: Removal, what: string): Promise<void> {
  if (actor.via === "cli") return;
  const { organizationId } = actor;
  if ((await adminWaysIn(tx, organizationId, removing)) > 0) return;
  if ((await adminWaysIn(tx, organizationId, {})) === 0) return;
  throw new ValidationError(
    `${what} would leave the organization without an ADMIN: no unrevoked ADMIN API key and no active ADMIN user who signs in would remain. Create another ADMIN key or user first.`,
  );
}
