import type { Tx } from "../db/client.js";
import { newId } from "../db/ids.js";
import type { AuditAction, AuditTargetType } from "../generated/prisma/enums.js";
import type { Administrator } from "./actor.js";

/** What an audit event may say about its write: names, roles, counts. Never a key or a hash. */
export type AuditDetails = Record<string, string | number | boolean | null>;

/** Written in the transaction of the write it records, so that one never happens without the other. */
export async function writeAudit(
  tx: Tx,
  actor: Administrator,
  event: { action: AuditAction; targetType: AuditTargetType; targetId: string; details?: AuditDetails },
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      id: newId("audit"),
      organizationId: actor.organizationId,
      actorApiKeyId: actor.apiKeyId,
      actorUserId: actor.userId,
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId,
      details: { ...event.details, via: actor.via },
    },
  });
}
