import * as oauth from "oauth4webapi";
import type { Secrets } from "../crypto/secrets.js";
import type { Egress } from "../egress/egress.js";
import { UpstreamError } from "../errors.js";
import { describeFailure, requestOptions } from "./http.js";
import type { TokenEndpointAuthMethod } from "./types.js";

export interface RegisteredClient {
  clientId: string;
  /** sealed for Connector.clientSecretEnc; null for a public client */
  clientSecretEnc: string | null;
  method: TokenEndpointAuthMethod;
}

/**
 * Plugboard is a server, so it registers as a confidential client when the authorization server
 * allows it (a refresh token is then useless without the secret); PKCE is used either way.
 */
export function preferredAuthMethod(as: oauth.AuthorizationServer): TokenEndpointAuthMethod {
  // RFC 8414: an absent list means client_secret_basic
  const supported = as.token_endpoint_auth_methods_supported ?? ["client_secret_basic"];
  for (const m of ["client_secret_basic", "client_secret_post", "none"] as const) if (supported.includes(m)) return m;
  return "client_secret_basic";
}

/** RFC 7591 dynamic client registration, for a connector that has no client id of its own. */
export async function registerClient(
  { secrets, egress }: { secrets: Secrets; egress: Pick<Egress, "fetch"> },
  as: oauth.AuthorizationServer,
  connectorId: string,
  redirectUri: string,
  scopes: string[],
): Promise<RegisteredClient> {
  if (!as.registration_endpoint) {
    throw new UpstreamError(
      `No OAuth client is configured for this connector and ${as.issuer} offers no dynamic client registration: ` +
        "create the connector with a clientId (and clientSecret)",
    );
  }
  const method = preferredAuthMethod(as);
  try {
    const res = await oauth.dynamicClientRegistrationRequest(
      as,
      {
        client_name: "Plugboard",
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        token_endpoint_auth_method: method,
        ...(scopes.length ? { scope: scopes.join(" ") } : {}),
      },
      requestOptions(as.registration_endpoint, egress),
    );
    const client = await oauth.processDynamicClientRegistrationResponse(res);
    const secret = typeof client.client_secret === "string" ? client.client_secret : null;
    const registered = (client.token_endpoint_auth_method as TokenEndpointAuthMethod | undefined) ?? method;
    return {
      clientId: client.client_id,
      clientSecretEnc: secret ? secrets.seal("Connector.clientSecretEnc", connectorId, secret) : null,
      method: secret ? registered : "none",
    };
  } catch (e) {
    const why = describeFailure(e);
    // unanswered, the server goes unnamed, as in discovery
    if (why.code === "unreachable") throw new UpstreamError(`Dynamic client registration failed: ${why.message}`, { kind: "unreachable" });
    throw new UpstreamError(`Dynamic client registration at ${as.issuer} failed: ${why.message}`);
  }
}
