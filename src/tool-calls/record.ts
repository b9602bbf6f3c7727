import type { Viewer } from "../auth/viewer.js";
import { connectorOwnership } from "../auth/visibility.js";
import { newId } from "../db/ids.js";
import type { Connector, Prisma } from "../generated/prisma/client.js";
import type { ToolCallOutcome } from "../generated/prisma/enums.js";

export interface CallRecord {
  id: string;
  viewer: Viewer;
  /** null when the name asked for matched no connector the viewer can see */
  connector: Pick<Connector, "id" | "organizationId" | "scope" | "createdById" | "ownerApiKeyId"> | null;
  toolName: string;
  outcome: ToolCallOutcome;
  errorMessage: string | null;
  startedAt: Date;
  durationMs: number;
}

/**
 * One ToolCall row, never the call's arguments or result. It carries its connector's visibility (as
 * events do); a call that found no connector is visible to whoever made it, as a PERSONAL row.
 */
export function toolCallRow(r: CallRecord): Prisma.ToolCallCreateManyInput {
  const owner = r.connector
    ? connectorOwnership(r.connector)
    : { scope: "PERSONAL" as const, ownerUserId: r.viewer.userId, ownerApiKeyId: r.viewer.userId ? null : r.viewer.apiKeyId };
  return {
    id: r.id,
    organizationId: r.viewer.organizationId,
    connectorId: r.connector?.id ?? null,
    scope: owner.scope,
    ownerUserId: owner.ownerUserId,
    ownerApiKeyId: owner.ownerApiKeyId,
    toolName: r.toolName.slice(0, 500),
    outcome: r.outcome,
    errorMessage: r.errorMessage?.slice(0, 2_000) ?? null,
    apiKeyId: r.viewer.apiKeyId,
    userId: r.viewer.userId,
    startedAt: r.startedAt,
    durationMs: r.durationMs,
  };
}

/** A ToolCall's id, made when the call starts: ids are time-ordered, so newest first is id order. */
export const newToolCallId = (now: number) => newId("call", now);
