import * as oauth from "oauth4webapi";
import type { Connector } from "../generated/prisma/client.js";
import { clientAuth, clientOf, serverMetadata } from "./client.js";
import { openCredentials, tokenServerOf } from "./credentials.js";
import type { CoreServices } from "../services.js";
import { describeFailure, requestOptions } from "./http.js";

const REVOKE_TIMEOUT_MS = 5_000;

/**
 * Best effort: revokes the connector's stored tokens at the provider when it has a revocation
 * endpoint (RFC 7009), the refresh token first (it usually takes its access tokens with it). Never
 * throws; the caller wipes the credentials whatever happens here.
 */
export async function revokeCredentials(services: CoreServices, connector: Connector): Promise<void> {
  const { logger } = services;
  try {
    if (connector.credentialType !== "OAUTH2") return;
    const server = await tokenServerOf(services.db, connector.id);
    const credentials = openCredentials(services.secrets, connector);
    if (!server?.revocationEndpoint || !credentials) return;
    const as = serverMetadata(server);
    const client = clientOf(server);
    const auth = clientAuth(server, connector, { secrets: services.secrets, clients: services.config.oauthClients });
    const tokens = [
      [credentials.refreshToken, "refresh_token"],
      [credentials.accessToken, "access_token"],
    ] as const;
    for (const [token, hint] of tokens) {
      if (!token) continue;
      try {
        const res = await oauth.revocationRequest(as, client, auth, token, {
          ...requestOptions(server.revocationEndpoint, services.egress, REVOKE_TIMEOUT_MS),
          additionalParameters: { token_type_hint: hint },
        });
        await oauth.processRevocationResponse(res);
      } catch (e) {
        logger.warn({ connectorId: connector.id, tokenType: hint, error: describeFailure(e).code }, "token revocation failed");
      }
    }
  } catch (e) {
    logger.warn({ connectorId: connector.id, error: describeFailure(e).code }, "token revocation skipped");
  }
}
