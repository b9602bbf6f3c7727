import type { Db } from "../db/client.js";
import type { OAuthAuthorization } from "../generated/prisma/client.js";

/** How long a started authorization may be completed. */
export const AUTHORIZATION_TTL_MS = 10 * 60_000;
export const AUTHORIZATION_TTL_TEXT = `${AUTHORIZATION_TTL_MS / 60_000} minutes`;

/**
 * The connector's newest authorization (the one it waits for, or whose tokens it holds when
 * `completed`): a stale link or an older flow never decides for a connector.
 */
export function newestAuthorization(
  db: Db,
  connectorId: string,
  options: { completed?: boolean } = {},
): Promise<Pick<OAuthAuthorization, "id" | "server"> | null> {
  return db.oAuthAuthorization.findFirst({
    where: { connectorId, ...(options.completed ? { usedAt: { not: null } } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, server: true },
  });
}
