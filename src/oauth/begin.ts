import * as oauth from "oauth4webapi";
import type { Viewer } from "../auth/viewer.js";
import { changeAsViewer } from "../connectors/access.js";
import { AUTHORIZATION_TTL_MS } from "../connectors/authorizations.js";
import { type ChangeOptions, changeConnector } from "../connectors/change.js";
import { isOAuthConnector } from "../connectors/facts.js";
import { transition } from "../connectors/state-machine.js";
import { newId } from "../db/ids.js";
import { ValidationError } from "../errors.js";
import type { Connector } from "../generated/prisma/client.js";
import type { CoreServices } from "../services.js";
import { hashState } from "./credentials.js";
import { checkRedirectUrl } from "./redirects.js";
import { resolveServer } from "./resolve.js";
import type { OAuthServer } from "./types.js";

export interface BeginAuthorizationInput {
  connector: Connector;
  /** where the browser returns after consent; must pass the redirect allow-list */
  redirectUrl: string | null;
  /** who connects: the change is re-checked as theirs to make (null for the server's own work) */
  viewer: Viewer | null;
  /** this server's origin: the OAuth redirect_uri is `${origin}/oauth/callback` */
  origin: string;
}

/**
 * Starts an authorization-code flow with PKCE for an OAUTH / OAUTH_ADMIN_CONSENT connector and moves
 * it to AUTH_REQUIRED (through the viewer's change), storing the connector's authType as given when the
 * row holds another. Throws ValidationError (redirect URL not allowed),
 * UpstreamError (discovery or registration failed) or InvalidStateError.
 */
export async function beginAuthorization(services: CoreServices, input: BeginAuthorizationInput): Promise<Connector> {
  const { connector, viewer } = input;
  const redirectUrl = checkRedirectUrl(input.redirectUrl, services.config, input.origin);
  if (!isOAuthConnector(connector)) {
    throw ValidationError.field(["input", "id"], `This connector authenticates with ${connector.authType}, not OAuth`);
  }
  transition(connector.state, "startAuthorization"); // fail before asking any server anything

  const redirectUri = `${input.origin}/oauth/callback`;
  const { server, registered } = await resolveServer(services, connector, redirectUri);
  const id = newId("oauth");
  const state = oauth.generateRandomState();
  const verifier = oauth.generateRandomCodeVerifier();
  const authorizationUrl = await authorizationUrlFor(server, state, verifier);

  const decide: ChangeOptions["decide"] = (current) => ({
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
            codeVerifierEnc: services.secrets.seal("OAuthAuthorization.codeVerifierEnc", id, verifier),
            redirectUrl,
            authorizationUrl,
            server: server as object,
            actorUserId: viewer?.userId ?? null,
            expiresAt: new Date(Date.now() + AUTHORIZATION_TTL_MS),
          },
        }),
    });
  return viewer
    ? changeAsViewer(services, viewer, { id: connector.id, decide })
    : changeConnector(services, { id: connector.id, actorId: null, decide });
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
