import { createHash } from "node:crypto";
import type * as oauth from "oauth4webapi";
import { newestAuthorization } from "../connectors/authorizations.js";
import type { Secrets } from "../crypto/secrets.js";
import type { Db } from "../db/client.js";
import type { Connector, Prisma } from "../generated/prisma/client.js";
import type { OAuthServer, StoredCredentials } from "./types.js";

/** Only a hash of `state` is stored: a database reader cannot complete someone's pending flow. */
export const hashState = (state: string) => createHash("sha256").update(state).digest("hex");

export function openCredentials(secrets: Secrets, c: Pick<Connector, "id" | "credentialsEnc">): StoredCredentials | null {
  return c.credentialsEnc ? secrets.openJson<StoredCredentials>("Connector.credentialsEnc", c.id, c.credentialsEnc) : null;
}

/**
 * The connector columns for a token response. A provider that does not rotate refresh tokens sends
 * none on refresh: the one we hold stays valid and is kept.
 */
export function tokenColumns(
  secrets: Secrets,
  connectorId: string,
  tokens: oauth.TokenEndpointResponse,
  previous: StoredCredentials | null = null,
  now = Date.now(),
) {
  const credentials: StoredCredentials = {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token ?? previous?.refreshToken,
    tokenType: tokens.token_type,
    scope: tokens.scope ?? previous?.scope,
  };
  return {
    credentialsEnc: secrets.sealJson("Connector.credentialsEnc", connectorId, credentials),
    credentialType: "OAUTH2",
    tokenExpiresAt: typeof tokens.expires_in === "number" ? new Date(now + tokens.expires_in * 1000) : null,
    refreshLeaseUntil: null,
  } satisfies Prisma.ConnectorUpdateManyMutationInput;
}

/** The server the connector's current tokens came from: the newest completed authorization's. */
export async function tokenServerOf(db: Db, connectorId: string): Promise<OAuthServer | null> {
  const row = await newestAuthorization(db, connectorId, { completed: true });
  return (row?.server as OAuthServer | undefined) ?? null;
}
