import { isAdmin, type Viewer } from "../auth/viewer.js";
import { ForbiddenError } from "../errors.js";

/**
 * Who makes an administration write, as its audit event records it: an ADMIN viewer of the API, or
 * the CLI on the server's machine (which holds the database itself and needs no key).
 */
export interface Administrator {
  organizationId: string;
  apiKeyId: string | null;
  userId: string | null;
  via: "api" | "cli";
}

/** The viewer as an administrator; a MEMBER gets the ForbiddenError every other refused write gets. */
export function administratorOf(viewer: Viewer): Administrator {
  if (!isAdmin(viewer)) throw new ForbiddenError("Only an ADMIN can manage the organization's API keys and users");
  return { organizationId: viewer.organizationId, apiKeyId: viewer.apiKeyId, userId: viewer.userId, via: "api" };
}

export const cliAdministrator = (organizationId: string): Administrator => ({
  organizationId,
  apiKeyId: null,
  userId: null,
  via: "cli",
});
