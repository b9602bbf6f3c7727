import * as oauth from "oauth4webapi";
import { AUTHORIZATION_TTL_TEXT, newestAuthorization } from "../connectors/authorizations.js";
import { changeConnector } from "../connectors/change.js";
import { connectOutcome } from "../connectors/connect-outcome.js";
import { sentence } from "../connectors/upstream.js";
import { InvalidStateError, NotFoundError } from "../errors.js";
import type { OAuthAuthorization } from "../generated/prisma/client.js";
import type { Services } from "../services.js";
import { clientAuth, clientOf, serverMetadata } from "./client.js";
import { hashState, tokenColumns } from "./credentials.js";
import { describeFailure, type OAuthFailure, requestOptions } from "./http.js";
import type { OAuthServer } from "./types.js";

export type CallbackDeps = Services;

export type CallbackOutcome =
  | { kind: "unknown" }
  | { kind: "finished"; connectorId: string; failure: OAuthFailure | null; redirectUrl: string | null };

/**
 * The provider's redirect back: consumes the pending authorization (once, atomically), exchanges
 * the code with its PKCE verifier, stores the tokens sealed, and moves the connector to CONNECTED,
 * or to AUTH_FAILED with a reason free of secrets.
 */
export async function completeAuthorization(params: URLSearchParams, deps: CallbackDeps): Promise<CallbackOutcome> {
  const state = params.get("state");
  const row = state ? await deps.db.oAuthAuthorization.findUnique({ where: { stateHash: hashState(state) } }) : null;
  if (!state || !row) return { kind: "unknown" };
  const now = new Date();
  // the single use: of two concurrent callbacks with one state, exactly one gets count 1
  const { count } = await deps.db.oAuthAuthorization.updateMany({
    where: { id: row.id, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  const finished = (failure: OAuthFailure | null): CallbackOutcome => {
    if (failure) deps.logger.warn({ connectorId: row.connectorId, error: failure.code }, "OAuth authorization failed");
    else deps.logger.info({ connectorId: row.connectorId }, "OAuth authorization completed");
    return { kind: "finished", connectorId: row.connectorId, failure, redirectUrl: row.redirectUrl };
  };
  if (count === 0 && (row.usedAt !== null || row.expiresAt > now)) {
    // a replay: the first use of this state decides the outcome, this one changes nothing
    return finished({ code: "invalid_state", message: "This authorization was already used" });
  }
  if (count === 0) {
    const failure = { code: "expired_state", message: `The authorization expired before it was completed (it is valid for ${AUTHORIZATION_TTL_TEXT}): connect again` };
    await reject(row, failure, deps);
    return finished(failure);
  }

  const server = row.server as unknown as OAuthServer;
  let tokens: oauth.TokenEndpointResponse;
  let step = "The provider's response was not valid";
  try {
    const response = new URLSearchParams(params);
    if (!server.issuer) response.delete("iss"); // no known issuer to compare with (see serverMetadata)
    // throws AuthorizationResponseError for ?error=access_denied and the like
    const validated = oauth.validateAuthResponse(serverMetadata(server), clientOf(server), response, state);
    step = `The token exchange with ${new URL(server.tokenEndpoint).host} failed`;
    tokens = await exchange(deps, row, server, validated);
  } catch (e) {
    const why = describeFailure(e);
    const refused = e instanceof oauth.AuthorizationResponseError;
    // unanswered, the token endpoint goes unnamed: one sentence whatever address was tried
    const at = why.code === "unreachable" ? "The token exchange failed" : step;
    const failure = { code: why.code, message: refused ? `The provider refused the authorization: ${why.message}` : `${at}: ${why.message}` };
    await reject(row, failure, deps);
    return finished(failure);
  }

  // the new token is tried on the MCP server before the connector counts as CONNECTED
  const connector = await deps.db.connector.findUnique({ where: { id: row.connectorId } });
  if (!connector) return finished({ code: "invalid_state", message: "The connector was deleted" });
  const outcome = await deps.upstream.listTools({ connector, trying: { type: "OAUTH2", secret: { accessToken: tokens.access_token } } });
  const triedAt = new Date();
  try {
    await changeConnector(deps, {
      id: row.connectorId,
      actorId: row.actorUserId,
      // the tokens are kept on ERROR too: the periodic check connects it once the server answers
      decide: (c) => connectOutcome(deps, c, outcome, tokenColumns(deps.secrets, row.connectorId, tokens), triedAt),
    });
  } catch (e) {
    if (e instanceof InvalidStateError || e instanceof NotFoundError) return finished({ code: "invalid_state", message: e.message });
    throw e;
  }
  if (!outcome.ok) {
    const code = outcome.failure.kind === "unauthorized" ? "mcp_unauthorized" : "mcp_unavailable";
    return finished({ code, message: sentence(outcome.failure) });
  }
  return finished(null);
}

async function exchange(
  deps: CallbackDeps,
  row: OAuthAuthorization,
  server: OAuthServer,
  validated: URLSearchParams,
): Promise<oauth.TokenEndpointResponse> {
  const as = serverMetadata(server);
  const client = clientOf(server);
  const connector = await deps.db.connector.findUniqueOrThrow({ where: { id: row.connectorId }, select: { id: true, clientSecretEnc: true } });
  const res = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    clientAuth(server, connector, { secrets: deps.secrets, clients: deps.config.oauthClients }),
    validated,
    server.redirectUri,
    deps.secrets.open("OAuthAuthorization.codeVerifierEnc", row.id, row.codeVerifierEnc),
    { ...requestOptions(server.tokenEndpoint, deps.egress), ...(server.resource ? { additionalParameters: { resource: server.resource } } : {}) },
  );
  return oauth.processAuthorizationCodeResponse(as, client, res);
}

class NotWaiting extends Error {}

/**
 * AUTH_FAILED, but only for the flow the connector is waiting for: a stale or replayed link must not
 * knock over a connector that is CONNECTED, or waiting for a newer consent.
 */
async function reject(row: OAuthAuthorization, failure: OAuthFailure, deps: CallbackDeps): Promise<void> {
  const newest = await newestAuthorization(deps.db, row.connectorId);
  if (newest?.id !== row.id) return;
  try {
    await changeConnector(deps, {
      id: row.connectorId,
      actorId: row.actorUserId,
      decide: (current) => {
        if (current.state !== "AUTH_REQUIRED") throw new NotWaiting();
        return { action: "rejectAuthorization", data: { statusReason: failure.message } };
      },
    });
  } catch (e) {
    if (!(e instanceof NotWaiting || e instanceof NotFoundError)) throw e;
  }
}
