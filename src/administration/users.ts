import type { Revocation } from "../auth/viewer-cache.js";
import type { Db, Tx } from "../db/client.js";
import { isIdOf, newId } from "../db/ids.js";
import { NotFoundError, ValidationError } from "../errors.js";
import type { User } from "../generated/prisma/client.js";
import type { Role } from "../generated/prisma/enums.js";
import type { Administrator } from "./actor.js";
import { writeAudit } from "./audit.js";
import { assertAdminRemains, lockOrganization } from "./last-admin.js";
import { validEmail, validName } from "./validation.js";

async function userOf(tx: Tx, actor: Administrator, id: string): Promise<User> {
  const user = isIdOf("user", id) ? await tx.user.findFirst({ where: { id, organizationId: actor.organizationId } }) : null;
  if (!user) throw new NotFoundError(id, "user");
  return user;
}

/**
 * A person of the organization, before they first sign in: their first sign-in with the identity
 * provider finds them by this email (src/auth/oidc/sign-in.ts), which is unique in the organization
 * regardless of case, as sign-in matches it.
 */
export async function createUser(db: Db, actor: Administrator, input: { email: string; name?: string | null; role: Role }): Promise<User> {
  const email = validEmail(["input", "email"], input.email);
  const name = validName(["input", "name"], input.name);
  return db.$transaction(async (tx) => {
    await lockOrganization(tx, actor.organizationId);
    const taken = await tx.user.findFirst({ where: { organizationId: actor.organizationId, email: { equals: email, mode: "insensitive" } } });
    if (taken) throw ValidationError.field(["input", "email"], "The organization has a user with this email already");
    const user = await tx.user.create({ data: { id: newId("user"), organizationId: actor.organizationId, email, name, role: input.role } });
    await writeAudit(tx, actor, { action: "USER_CREATED", targetType: "USER", targetId: user.id, details: { email, role: input.role } });
    return user;
  });
}

/**
 * A demoted user's ADMIN keys become MEMBER keys with them: a key's role never exceeds its user's.
 * Where the identity provider decides roles (a roleClaim), its next sign-in of the person decides again.
 */
export async function updateUserRole(db: Db, actor: Administrator, input: { id: string; role: Role }, announce?: (r: Revocation) => void): Promise<User> {
  const updated = await db.$transaction(async (tx) => {
    await lockOrganization(tx, actor.organizationId);
    const user = await userOf(tx, actor, input.id);
    if (user.role === input.role) return user;
    if (input.role === "MEMBER") await assertAdminRemains(tx, actor, { userId: user.id }, "Making this user a MEMBER");
    const updated = await tx.user.update({ where: { id: user.id }, data: { role: input.role } });
    const { count } = await tx.apiKey.updateMany({ where: { userId: user.id, role: "ADMIN" }, data: { role: "MEMBER" } });
    await writeAudit(tx, actor, {
      action: "USER_ROLE_CHANGED",
      targetType: "USER",
      targetId: user.id,
      details: { from: user.role, to: input.role, keysLowered: count },
    });
    return updated;
  });
  // what was resolved of them and their keys carries the old role: resolved again on next use
  announce?.({ userIds: [updated.id] });
  return updated;
}

/** The user can no longer sign in, and every key of theirs is revoked with it (reactivating brings none back). */
export async function deactivateUser(db: Db, actor: Administrator, id: string, announce?: (r: Revocation) => void): Promise<User> {
  const updated = await db.$transaction(async (tx) => {
    await lockOrganization(tx, actor.organizationId);
    const user = await userOf(tx, actor, id);
    if (user.deactivatedAt) throw ValidationError.field(["input", "id"], "The user is deactivated already");
    await assertAdminRemains(tx, actor, { userId: user.id }, "Deactivating this user");
    const now = new Date();
    const updated = await tx.user.update({ where: { id: user.id }, data: { deactivatedAt: now } });
    const { count } = await tx.apiKey.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } });
    await writeAudit(tx, actor, { action: "USER_DEACTIVATED", targetType: "USER", targetId: user.id, details: { keysRevoked: count } });
    return updated;
  });
  announce?.({ userIds: [updated.id] });
  return updated;
}

/** The user may sign in again; their keys stay revoked (new ones are made with createApiKey). */
export async function reactivateUser(db: Db, actor: Administrator, id: string): Promise<User> {
  return db.$transaction(async (tx) => {
    await lockOrganization(tx, actor.organizationId);
    const user = await userOf(tx, actor, id);
    if (!user.deactivatedAt) throw ValidationError.field(["input", "id"], "The user is active");
    const updated = await tx.user.update({ where: { id: user.id }, data: { deactivatedAt: null } });
    await writeAudit(tx, actor, { action: "USER_REACTIVATED", targetType: "USER", targetId: user.id });
    return updated;
  });
}
