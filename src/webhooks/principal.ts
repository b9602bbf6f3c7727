import type { Viewer } from "../auth/viewer.js";
import type { Db } from "../db/client.js";
import type { Webhook } from "../generated/prisma/client.js";

export type Principal = { viewer: Viewer } | { gone: string };

/**
 * Whose eyes a webhook's deliveries see with: the principal that registered it, as it is now. A
 * revoked or deleted key, or a person no longer there, sees nothing: the delivery is not sent.
 */
export async function webhookPrincipal(db: Db, hook: Pick<Webhook, "organizationId" | "viaApiKey" | "apiKeyId" | "userId">): Promise<Principal> {
  if (hook.viaApiKey) {
    const key = hook.apiKeyId ? await db.apiKey.findUnique({ where: { id: hook.apiKeyId } }) : null;
    if (!key || key.organizationId !== hook.organizationId) return { gone: "the API key that registered this webhook no longer exists" };
    if (key.revokedAt) return { gone: "the API key that registered this webhook was revoked" };
    return { viewer: { apiKeyId: key.id, organizationId: key.organizationId, userId: key.userId, role: key.role } };
  }
  const user = hook.userId ? await db.user.findUnique({ where: { id: hook.userId } }) : null;
  if (!user || user.organizationId !== hook.organizationId) return { gone: "the user who registered this webhook no longer exists" };
  return { viewer: { apiKeyId: null, organizationId: user.organizationId, userId: user.id, role: user.role } };
}
