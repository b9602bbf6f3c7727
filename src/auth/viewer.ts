import type { Role } from "../generated/prisma/enums.js";

/** Who is asking: resolved once per request (or per socket) from the API key. */
export interface Viewer {
  apiKeyId: string;
  organizationId: string;
  /** null when the API key belongs to the organization rather than to a person */
  userId: string | null;
  role: Role;
}

export const isAdmin = (viewer: Viewer) => viewer.role === "ADMIN";
