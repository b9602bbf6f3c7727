import * as oauth from "oauth4webapi";
import { clientOf, serverMetadata } from "./client.js";
import { describeFailure, requestOptions } from "./http.js";
import type { Egress } from "../egress/egress.js";
import type { OAuthServer } from "./types.js";

/** OAuth error codes that mean "this refresh token will never work again". */
const REFUSED = new Set(["invalid_grant", "invalid_client", "unauthorized_client", "unsupported_grant_type", "invalid_scope"]);

export type RefreshGrant =
  | { kind: "tokens"; tokens: oauth.TokenEndpointResponse }
  /** the provider will never refresh with this token; `reason` is safe to store and show */
  | { kind: "refused"; reason: string }
  /** transient (network, 5xx): a later attempt may work */
  | { kind: "failed"; code: string };

/**
 * The refresh_token grant at `server`, for connectors and personal configurations alike. The
 * client authentication is built inside, so that a secret that cannot be opened is a failure too.
 */
export async function refreshGrant(server: OAuthServer, auth: () => oauth.ClientAuth, refreshToken: string, egress: Egress): Promise<RefreshGrant> {
  try {
    const as = serverMetadata(server);
    const client = clientOf(server);
    const res = await oauth.refreshTokenGrantRequest(as, client, auth(), refreshToken, {
      ...requestOptions(server.tokenEndpoint, egress),
      ...(server.resource ? { additionalParameters: { resource: server.resource } } : {}),
    });
    return { kind: "tokens", tokens: await oauth.processRefreshTokenResponse(as, client, res) };
  } catch (e) {
    const why = describeFailure(e);
    if (e instanceof oauth.ResponseBodyError && REFUSED.has(e.error)) {
      return { kind: "refused", reason: `The provider refused to refresh the access token (${why.message})` };
    }
    return { kind: "failed", code: why.code };
  }
}
