import type { Db } from "../db/client.js";
import type { Logger } from "../logger.js";
import { bearerCredential, viewerOfApiKey } from "./api-keys.js";
import { type AuthFailure, authFailure } from "./failures.js";
import { signIn } from "./oidc/sign-in.js";
import { looksLikeJwt, type OidcVerifier } from "./oidc/verifier.js";
import type { Viewer } from "./viewer.js";
import type { ViewerCache } from "./viewer-cache.js";

/** What resolving a viewer needs of the services (Services has all of it). */
export interface AuthServices {
  db: Db;
  oidc: OidcVerifier;
  logger: Logger;
  /** resolutions trusted for a second (src/auth/viewer-cache.ts); every lookup asks the database without it */
  viewers?: ViewerCache;
}

export type ViewerResolution =
  /** expiresAt: when the token stops being valid (null for an API key), for sockets that outlive it */
  | { viewer: Viewer; expiresAt: Date | null; failure?: undefined }
  | { viewer: null; expiresAt?: undefined; failure: AuthFailure };

const failed = (failure: AuthFailure): ViewerResolution => ({ viewer: null, failure });

/**
 * The one way a request's Authorization header becomes a Viewer, for GraphQL over HTTP, graphql-ws
 * (its connectionParams), SSE and the MCP gateway: `Bearer <API key>`, or `Bearer <JWT>` of an
 * identity provider in OIDC_ISSUERS (a bearer with three dot-separated parts is a JWT; API keys
 * have no dot). Never throws for bad credentials, only when the database fails.
 */
export async function resolveViewer(services: AuthServices, authorization: string | null | undefined): Promise<ViewerResolution> {
  const credential = bearerCredential(authorization);
  if (!credential) return failed(authFailure("MISSING_CREDENTIALS", "Missing credentials: send `Authorization: Bearer <API key or token>`"));
  const cached = services.viewers?.get(credential);
  if (cached) return cached;
  const resolved = await resolveCredential(services, credential);
  if (resolved.viewer) services.viewers?.set(credential, { viewer: resolved.viewer, expiresAt: resolved.expiresAt });
  return resolved;
}

async function resolveCredential(services: AuthServices, credential: string): Promise<ViewerResolution> {
  if (!looksLikeJwt(credential)) {
    const viewer = await viewerOfApiKey(services.db, credential);
    return viewer ? { viewer, expiresAt: null } : failed(authFailure("INVALID_API_KEY", "The API key is invalid or revoked"));
  }
  const verified = await services.oidc.verify(credential);
  if ("reason" in verified) {
    // the operator's business (a JWKS that cannot be fetched); the caller only hears "try again"
    if (verified.detail) services.logger.warn({ reason: verified.reason, detail: verified.detail }, "could not verify a sign-in token");
    return failed({ reason: verified.reason, status: verified.status, message: verified.message });
  }
  const signedIn = await signIn(services.db, verified);
  if ("reason" in signedIn) {
    services.logger.info({ reason: signedIn.reason, issuer: verified.issuer.issuer }, "sign-in refused");
    return failed(signedIn);
  }
  return { viewer: signedIn, expiresAt: verified.expiresAt };
}
