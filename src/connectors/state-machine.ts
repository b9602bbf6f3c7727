import type { ConnectorState } from "../generated/prisma/enums.js";
import { InvalidStateError } from "../errors.js";

/**
 * The connector lifecycle: every state change in Plugboard goes through `transition`. Actions name
 * what happened; the table says from which states it may happen and where it leads.
 */
export type ConnectorAction =
  | "startAuthorization" // OAuth consent begun (again): AUTH_REQUIRED
  | "authorize" // credentials stored or the OAuth exchange succeeded: CONNECTED
  | "rejectAuthorization" // the provider refused the consent, the exchange or the credentials
  | "failToConnect" // a connect's credentials were stored, but the server did not answer as MCP
  | "disconnect" // a person disconnected it; credentials wiped
  | "expireToken" // the access token expired and could not be refreshed
  | "fail" // the connector's server failed in another way
  | "recover"; // a health check or discovery succeeded again

const ANY_BUT_CONNECTED: ConnectorState[] = ["CREATED", "AUTH_REQUIRED", "DISCONNECTED", "AUTH_FAILED", "TOKEN_EXPIRED", "ERROR"];

const TABLE: Record<ConnectorAction, { from: ConnectorState[]; to: ConnectorState }> = {
  startAuthorization: { from: ANY_BUT_CONNECTED, to: "AUTH_REQUIRED" },
  authorize: { from: ANY_BUT_CONNECTED, to: "CONNECTED" },
  // a connect with refused credentials, a refused consent, or a health check's 401 / 403
  rejectAuthorization: { from: ["CREATED", "AUTH_REQUIRED", "CONNECTED", "DISCONNECTED", "AUTH_FAILED", "TOKEN_EXPIRED", "ERROR"], to: "AUTH_FAILED" },
  failToConnect: { from: ANY_BUT_CONNECTED, to: "ERROR" },
  disconnect: { from: ["AUTH_REQUIRED", "CONNECTED", "AUTH_FAILED", "TOKEN_EXPIRED", "ERROR"], to: "DISCONNECTED" },
  expireToken: { from: ["CONNECTED", "ERROR"], to: "TOKEN_EXPIRED" },
  fail: { from: ["CONNECTED", "ERROR"], to: "ERROR" },
  recover: { from: ["ERROR", "CONNECTED"], to: "CONNECTED" },
};

const WHY: Partial<Record<ConnectorState, string>> = {
  CONNECTED: "it is already CONNECTED (disconnect it first to connect again)",
  DISCONNECTED: "it is DISCONNECTED",
  CREATED: "it has never been connected",
};

export function canTransition(from: ConnectorState, action: ConnectorAction): boolean {
  return TABLE[action].from.includes(from);
}

/** The state after `action`, or InvalidStateError naming the current state. */
export function transition(from: ConnectorState, action: ConnectorAction): ConnectorState {
  if (!canTransition(from, action)) {
    throw new InvalidStateError(`Cannot ${describe(action)}: ${WHY[from] ?? `it is ${from}`}`, from);
  }
  return TABLE[action].to;
}

function describe(action: ConnectorAction): string {
  return {
    startAuthorization: "start authorization",
    authorize: "connect this connector",
    rejectAuthorization: "mark the authorization as failed",
    failToConnect: "connect this connector",
    disconnect: "disconnect this connector",
    expireToken: "expire the token",
    fail: "mark this connector as failed",
    recover: "mark this connector as recovered",
  }[action];
}
