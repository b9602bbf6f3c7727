import type { Connector } from "../generated/prisma/client.js";
import type { AuthType, ConnectorState } from "../generated/prisma/enums.js";

/** Connector facts derived from its row; the one place each rule is written. */

/**
 * True only while the server last accepted the credentials: CONNECTED, or in ERROR after they were
 * accepted (the server stopped answering; nothing says the credentials went bad).
 */
export function isAuthenticated(c: Pick<Connector, "state" | "credentialsAcceptedAt">): boolean {
  return c.state === "CONNECTED" || (c.state === "ERROR" && c.credentialsAcceptedAt !== null);
}

/** The catalog page's three-way status of an install. */
export function installStatus(state: ConnectorState): "CONNECTED" | "DISCONNECTED" | "ERROR" {
  if (state === "CONNECTED") return "CONNECTED";
  if (state === "AUTH_FAILED" || state === "TOKEN_EXPIRED" || state === "ERROR") return "ERROR";
  return "DISCONNECTED";
}

/** Whether the connector authenticates through an OAuth consent (its preset's, or a discovered one). */
export const OAUTH_AUTH_TYPES = ["OAUTH", "OAUTH_ADMIN_CONSENT"] as const satisfies AuthType[];
export const isOAuthConnector = (c: Pick<Connector, "authType">) => (OAUTH_AUTH_TYPES as readonly AuthType[]).includes(c.authType);

/**
 * A custom MCP server that answered 401 to an unauthenticated initialize asks for OAuth: it is
 * connected through the consent flow of the authorization server it names, as an OAUTH connector.
 */
export const promotedToOAuth = (c: Connector): Connector => ({ ...c, authType: "OAUTH" });
