import type { Logger } from "../logger.js";
import { createLogger } from "../logger.js";
import type { OAuthClients } from "./types.js";

export interface OAuthRuntime {
  logger: Logger;
  clients: OAuthClients;
}

let current: OAuthRuntime = { logger: createLogger("silent"), clients: {} };

/**
 * What revokeCredentials needs from the running server. Its signature is the disconnect mutation's
 * (the connector only), so buildApp registers these once instead.
 */
export function configureOAuth(runtime: OAuthRuntime): void {
  current = runtime;
}

export const oauthRuntime = (): OAuthRuntime => current;
