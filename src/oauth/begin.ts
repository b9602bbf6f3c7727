import type { Connector } from "../generated/prisma/client.js";
import type { PubSub } from "../events/pubsub.js";
import type { ServerConfig } from "../context.js";
import { UpstreamError } from "../errors.js";

export interface BeginAuthorizationInput {
  connector: Connector;
  /** where the browser returns after consent; must pass the redirect allow-list */
  redirectUrl: string | null;
  actorId: string | null;
  pubsub: PubSub;
  config: ServerConfig;
  /** this server's origin: the OAuth redirect_uri is `${origin}/oauth/callback` */
  origin: string;
}

/**
 * Starts an authorization-code flow with PKCE for an OAUTH / OAUTH_ADMIN_CONSENT connector and moves
 * it to AUTH_REQUIRED (through changeConnector). Throws ValidationError (redirect URL not allowed),
 * UpstreamError (discovery or registration failed) or InvalidStateError.
 * STUB: implemented by the OAuth work (src/oauth/).
 */
export async function beginAuthorization(_input: BeginAuthorizationInput): Promise<Connector> {
  throw new UpstreamError("OAuth is not implemented yet");
}
