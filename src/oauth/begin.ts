import * as oauth from "oauth4webapi";
import type { ServerConfig } from "../context.js";
import { sealSecret } from "../crypto/secrets.js";
import { newId } from "../db/ids.js";
import { ValidationError } from "../errors.js";
import type { PubSub } from "../events/pubsub.js";
import type { Connector } from "../generated/prisma/client.js";
import { changeConnector } from "../modules/connectors/changes.js";
import { transition } from "../modules/connectors/state-machine.js";
import { hashState } from "./credentials.js";
import { checkRedirectUrl } from "./redirects.js";
import { resolveServer } from "./resolve.js";
import type { OAuthServer } from "./types.js";

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

/** How long a started authorization may be completed. */
export const AUTHORIZATION_TTL_MS = 10 * 60_000;

/**
 * Starts an authorization-code flow with PKCE for an OAUTH / OAUTH_ADMIN_CONSENT connector and moves
 * it to AUTH_REQUIRED (through changeConnector), storing the connector's authType as given when the
 * row holds another. Throws ValidationError (redirect URL not allowed),
 * UpstreamError (discovery or registration failed) or InvalidStateError.
 */
export async function beginAuthorization(input: BeginAuthorizationInput): Promise<Connector> {
  const { connector } = input;
  const redirectUrl = checkRedirectUrl(input.redirectUrl, input.config, input.origin);
  if (connector.authType !== "OAUTH" && connector.authType !== "OAUTH_ADMIN_CONSENT") {
    throw ValidationError.field(["input", "id"], `This connector authenticates with ${connector.authType}, not OAuth`);
  }
  transition(connector.state, "startAuthorization"); // fail before asking any server anything

  const redirectUri = `${input.origin}/oauth/callback`;
  const { server, registered } = await resolveServer(connector, input.config.oauthClients ?? {}, redirectUri);
  const id = newId("oauth");
  const state = oauth.generateRandomState();
  const verifier = oauth.generateRandomCodeVerifier();
  const authorizationUrl = await authorizationUrlFor(server, state, verifier);

  return changeConnector({
    id: connector.id,
    actorId: input.actorId,
    pubsub: input.pubsub,
    decide: (current) => ({
      kind: "UPDATED",
      action: "startAuthorization",
      data: {
        // a custom MCP server becomes OAUTH when its 401 asked for authorization (see connectConnector)
        ...(current.authType !== connector.authType ? { authType: connector.authType } : {}),
        statusReason: `Waiting for consent at ${new URL(server.authorizationEndpoint).host}`,
        ...(registered ? { clientId: registered.clientId, clientSecretEnc: registered.clientSecretEnc } : {}),
      },
      also: (tx) =>
        tx.oAuthAuthorization.create({
          data: {
            id,
            connectorId: connector.id,
            stateHash: hashState(state),
            codeVerifierEnc: sealSecret("OAuthAuthorization.codeVerifierEnc", id, verifier),
            redirectUrl,
            authorizationUrl,
            server: server as object,
            actorUserId: input.actorId,
            expiresAt: new Date(Date.now() + AUTHORIZATION_TTL_MS),
          },
        }),
    }),
  });
}

async function authorizationUrlFor(server: OAuthServer, state: string, verifier: string): Promise<string> {
  const url = new URL(server.authorizationEndpoint);
  const params: Record<string, string> = {
    ...server.extraParams,
    response_type: "code",
    client_id: server.clientId,
    redirect_uri: server.redirectUri,
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
  };
  if (server.scopes.length) params.scope = server.scopes.join(" ");
  if (server.resource) params.resource = server.resource;
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}
