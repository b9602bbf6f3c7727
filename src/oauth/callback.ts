import * as oauth from "oauth4webapi";
import { openSecret } from "../crypto/secrets.js";
import { prisma } from "../db/client.js";
import { InvalidStateError, NotFoundError } from "../errors.js";
import type { PubSub } from "../events/pubsub.js";
import type { OAuthAuthorization } from "../generated/prisma/client.js";
import type { Logger } from "../logger.js";
import { changeConnector } from "../modules/connectors/changes.js";
import { clientAuth, clientOf, serverMetadata } from "./client.js";
import { credentialColumns, hashState } from "./credentials.js";
import { describeFailure, type OAuthFailure, requestOptions } from "./http.js";
import type { OAuthClients, OAuthServer } from "./types.js";

export interface CallbackDeps {
  pubsub: PubSub;
  logger: Logger;
  clients: OAuthClients;
}

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
  const row = state ? await prisma.oAuthAuthorization.findUnique({ where: { stateHash: hashState(state) } }) : null;
  if (!state || !row) return { kind: "unknown" };
  const now = new Date();
  // the single use: of two concurrent callbacks with one state, exactly one gets count 1
  const { count } = await prisma.oAuthAuthorization.updateMany({
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
    const failure = { code: "expired_state", message: "The authorization expired before it was completed (it is valid for 10 minutes): connect again" };
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
    tokens = await exchange(row, server, validated, deps.clients);
  } catch (e) {
    const why = describeFailure(e);
    const refused = e instanceof oauth.AuthorizationResponseError;
    const failure = { code: why.code, message: refused ? `The provider refused the authorization: ${why.message}` : `${step}: ${why.message}` };
    await reject(row, failure, deps);
    return finished(failure);
  }

  try {
    await changeConnector({
      id: row.connectorId,
      actorId: row.actorUserId,
      pubsub: deps.pubsub,
      decide: () => ({
        kind: "UPDATED",
        action: "authorize",
        data: { ...credentialColumns(row.connectorId, tokens), statusReason: null, lastError: null },
      }),
    });
  } catch (e) {
    if (e instanceof InvalidStateError || e instanceof NotFoundError) return finished({ code: "invalid_state", message: e.message });
    throw e;
  }
  return finished(null);
}

async function exchange(
  row: OAuthAuthorization,
  server: OAuthServer,
  validated: URLSearchParams,
  clients: OAuthClients,
): Promise<oauth.TokenEndpointResponse> {
  const as = serverMetadata(server);
  const client = clientOf(server);
  const connector = await prisma.connector.findUniqueOrThrow({ where: { id: row.connectorId }, select: { id: true, clientSecretEnc: true } });
  const res = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    clientAuth(server, connector, clients),
    validated,
    server.redirectUri,
    openSecret("OAuthAuthorization.codeVerifierEnc", row.id, row.codeVerifierEnc),
    { ...requestOptions(server.tokenEndpoint), ...(server.resource ? { additionalParameters: { resource: server.resource } } : {}) },
  );
  return oauth.processAuthorizationCodeResponse(as, client, res);
}

class NotWaiting extends Error {}

/**
 * AUTH_FAILED, but only for the flow the connector is waiting for: a stale or replayed link must not
 * knock over a connector that is CONNECTED, or waiting for a newer consent.
 */
async function reject(row: OAuthAuthorization, failure: OAuthFailure, deps: CallbackDeps): Promise<void> {
  const newest = await prisma.oAuthAuthorization.findFirst({
    where: { connectorId: row.connectorId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  if (newest?.id !== row.id) return;
  try {
    await changeConnector({
      id: row.connectorId,
      actorId: row.actorUserId,
      pubsub: deps.pubsub,
      decide: (current) => {
        if (current.state !== "AUTH_REQUIRED") throw new NotWaiting();
        return { kind: "UPDATED", action: "rejectAuthorization", data: { statusReason: failure.message } };
      },
    });
  } catch (e) {
    if (!(e instanceof NotWaiting || e instanceof NotFoundError)) throw e;
  }
}
