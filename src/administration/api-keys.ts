import { insertApiKey } from "../auth/api-keys.js";
import type { Revocation } from "../auth/viewer-cache.js";
import type { Db } from "../db/client.js";
import { isIdOf } from "../db/ids.js";
import { NotFoundError, ValidationError } from "../errors.js";
import type { ApiKey } from "../generated/prisma/client.js";
import type { Role } from "../generated/prisma/enums.js";
import type { Administrator } from "./actor.js";
import { writeAudit } from "./audit.js";
import { assertAdminRemains, lockOrganization } from "./last-admin.js";
import { roleWithin, validName } from "./validation.js";

export interface CreateApiKeyInput {
  name?: string | null;
  role: Role;
  /** the person the key acts for; none makes an organization key */
  userId?: string | null;
}

/**
 * A new key of the administrator's organization. The key itself is returned here once and never
 * stored (only its hash); a key acts for its user with at most the user's role.
 */
export async function createApiKey(db: Db, actor: Administrator, input: CreateApiKeyInput): Promise<{ apiKey: ApiKey; key: string }> {
  const name = validName(["input", "name"], input.name);
  return db.$transaction(async (tx) => {
    await lockOrganization(tx, actor.organizationId);
    if (input.userId) {
      const user = isIdOf("user", input.userId)
        ? await tx.user.findFirst({ where: { id: input.userId, organizationId: actor.organizationId } })
        : null;
      if (!user) throw new NotFoundError(input.userId, "user");
      if (user.deactivatedAt) throw ValidationError.field(["input", "userId"], "The user is deactivated: reactivate them before giving them a key");
      if (!roleWithin(input.role, user.role)) {
        throw ValidationError.field(["input", "role"], `A key's role cannot exceed its user's: the user is a ${user.role}`);
      }
    }
    const { id, key } = await insertApiKey(tx, { organizationId: actor.organizationId, userId: input.userId ?? null, role: input.role, name });
    await writeAudit(tx, actor, {
      action: "API_KEY_CREATED",
      targetType: "API_KEY",
      targetId: id,
      details: { name, role: input.role, userId: input.userId ?? null },
    });
    return { apiKey: await tx.apiKey.findUniqueOrThrow({ where: { id } }), key };
  });
}

/**
 * The key stops working at once: `announce` (the viewer cache's revoke) tells every instance, which
 * drop what they resolved of it and end its streams; without it (the CLI), within a few seconds.
 */
export async function revokeApiKey(db: Db, actor: Administrator, id: string, announce?: (r: Revocation) => void): Promise<ApiKey> {
  const revoked = await db.$transaction(async (tx) => {
    await lockOrganization(tx, actor.organizationId);
    const key = isIdOf("key", id) ? await tx.apiKey.findFirst({ where: { id, organizationId: actor.organizationId } }) : null;
    if (!key) throw new NotFoundError(id, "API key");
    if (key.revokedAt) throw ValidationError.field(["input", "id"], "The API key is revoked already");
    if (key.role === "ADMIN") await assertAdminRemains(tx, actor, { apiKeyIds: [id] }, "Revoking this key");
    const revoked = await tx.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    await writeAudit(tx, actor, { action: "API_KEY_REVOKED", targetType: "API_KEY", targetId: id, details: { name: key.name, role: key.role } });
    return revoked;
  });
  announce?.({ apiKeyIds: [id] });
  return revoked;
}
