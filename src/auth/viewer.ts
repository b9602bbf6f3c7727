import type { Role } from "../generated/prisma/enums.js";

/**
 * Who is asking: resolved once per request (or per socket) from the bearer credential, an API key
 * or an identity provider's token (src/auth/resolve-viewer.ts). At least one of apiKeyId and
 * userId is set.
 */
export interface Viewer {
  /** null for a person signed in with a token of their identity provider */
  apiKeyId: string | null;
  organizationId: string;
  /** null when the API key belongs to the organization rather than to a person */
  userId: string | null;
  role: Role;
}

export const isAdmin = (viewer: Viewer) => viewer.role === "ADMIN";

/** Whose connections the per-credential bound counts: the API key's, or the signed-in person's. */
export const connectionOwner = (viewer: Viewer): string => viewer.apiKeyId ?? viewer.userId!;
