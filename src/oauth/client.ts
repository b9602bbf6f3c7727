import * as oauth from "oauth4webapi";
import type { Secrets } from "../crypto/secrets.js";
import type { Connector } from "../generated/prisma/client.js";
import type { OAuthClients, OAuthServer } from "./types.js";

/** oauth4webapi's view of the stored server. */
export function serverMetadata(s: OAuthServer): oauth.AuthorizationServer {
  return {
    // A preset without a known issuer gets a stand-in; the callback then ignores `iss`, since the
    // single-use state already binds the response to this one server.
    issuer: s.issuer ?? new URL(s.tokenEndpoint).origin,
    authorization_endpoint: s.authorizationEndpoint,
    token_endpoint: s.tokenEndpoint,
    revocation_endpoint: s.revocationEndpoint ?? undefined,
  };
}

export const clientOf = (s: OAuthServer): oauth.Client => ({ client_id: s.clientId });

/** The client authentication for token, refresh and revocation requests; reads the secret only now. */
export function clientAuth(
  s: OAuthServer,
  connector: Pick<Connector, "id" | "clientSecretEnc">,
  deps: { secrets: Secrets; clients: OAuthClients },
): oauth.ClientAuth {
  const secret = clientSecret(s, connector, deps);
  if (!secret || s.tokenEndpointAuthMethod === "none") return oauth.None();
  return s.tokenEndpointAuthMethod === "client_secret_basic" ? oauth.ClientSecretBasic(secret) : oauth.ClientSecretPost(secret);
}

function clientSecret(s: OAuthServer, c: Pick<Connector, "id" | "clientSecretEnc">, deps: { secrets: Secrets; clients: OAuthClients }) {
  if (s.clientSecretFrom === "connector" && c.clientSecretEnc) {
    return deps.secrets.open("Connector.clientSecretEnc", c.id, c.clientSecretEnc);
  }
  if (s.clientSecretFrom === "environment" && s.presetSlug) return deps.clients[s.presetSlug]?.clientSecret;
  return undefined;
}
