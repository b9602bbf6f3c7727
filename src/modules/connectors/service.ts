import type { Connector } from "../../generated/prisma/client.js";
import type { ConnectorState } from "../../generated/prisma/enums.js";

/** Connector facts derived from its row; plain functions shared by every path. */

export function isAuthenticated(c: Pick<Connector, "state">): boolean {
  return c.state === "CONNECTED";
}

/** The catalog page's three-way status of an install. */
export function installStatus(state: ConnectorState): "CONNECTED" | "DISCONNECTED" | "ERROR" {
  if (state === "CONNECTED") return "CONNECTED";
  if (state === "AUTH_FAILED" || state === "TOKEN_EXPIRED" || state === "ERROR") return "ERROR";
  return "DISCONNECTED";
}
