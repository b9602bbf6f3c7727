import type { AuthorizationFlows, Services } from "../services.js";
import { beginAuthorization } from "./begin.js";
import { revokeCredentials } from "./revoke.js";

/** OAuth as the connector lifecycle sees it (the port in src/services.ts). */
export function createAuthorizationFlows(services: Services): AuthorizationFlows {
  return {
    begin: (input) => beginAuthorization(services, input),
    revoke: (connector) => revokeCredentials(services, connector),
  };
}
