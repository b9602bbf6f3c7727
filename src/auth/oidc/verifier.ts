import { decodeJwt, errors, jwtVerify, type JWTPayload } from "jose";
import { EgressError } from "../../egress/errors.js";
import { type AuthFailure, authFailure } from "../failures.js";
import type { OidcConfig, OidcIssuer } from "./config.js";
import { createIssuerKeys, IssuerUnavailable } from "./keys.js";

/** A token whose signature and claims checked out, with the configuration entry that accepted it. */
export interface VerifiedToken {
  issuer: OidcIssuer;
  claims: JWTPayload;
  expiresAt: Date;
}

export interface OidcVerifier {
  /** a verified token, or why not (a failure carries a log-only `detail` for ISSUER_UNAVAILABLE) */
  verify(token: string): Promise<VerifiedToken | (AuthFailure & { detail?: string })>;
}

/** Whether a bearer token is a JWT (three base64url parts) rather than an API key (which has no dot). */
export const looksLikeJwt = (token: string) => /^[\w-]+\.[\w-]+\.[\w-]*$/.test(token);

/**
 * Verifies identity providers' JWTs: the unverified `iss` picks the issuer (and its keys), then jose
 * checks the signature against the issuer's JWKS, the issuer, an audience of one of its entries,
 * `exp` (required) and `nbf`. Every way a token can be wrong is a failure with its reason, never a throw.
 */
export function createOidcVerifier(config: OidcConfig, fetch: typeof globalThis.fetch): OidcVerifier {
  const keysOf = createIssuerKeys(config, fetch);
  return {
    async verify(token) {
      let iss: unknown;
      try {
        iss = decodeJwt(token).iss;
      } catch {
        return authFailure("MALFORMED_TOKEN", "The bearer token is not a JWT");
      }
      const entries = config.issuers.filter((e) => e.issuer === iss);
      if (!entries.length) return authFailure("UNKNOWN_ISSUER", "The token's issuer is not one this server trusts");
      try {
        const { payload } = await jwtVerify(token, keysOf(entries[0]), {
          issuer: entries[0].issuer,
          audience: entries.flatMap((e) => e.audience),
          algorithms: entries[0].algorithms,
          requiredClaims: ["exp"],
        });
        const audiences = typeof payload.aud === "string" ? [payload.aud] : (payload.aud ?? []);
        const issuer = entries.find((e) => e.audience.some((a) => audiences.includes(a)))!;
        return { issuer, claims: payload, expiresAt: new Date(payload.exp! * 1000) };
      } catch (e) {
        return explain(e);
      }
    },
  };
}

const unavailable = (detail: string) => ({
  ...authFailure("ISSUER_UNAVAILABLE", "The identity provider's keys could not be read; try again shortly"),
  detail,
});

function explain(e: unknown): AuthFailure & { detail?: string } {
  // jose passes the egress failure of a JWKS fetch through; a non-200 or non-JSON answer is its base error
  if (e instanceof EgressError) return unavailable(`the JWKS could not be fetched: ${e.debug}`);
  if (e instanceof IssuerUnavailable) return unavailable(e.message);
  if (e instanceof errors.JWKSTimeout || e instanceof errors.JWKSInvalid || (e as object)?.constructor === errors.JOSEError) {
    return unavailable(`the JWKS could not be read: ${(e as Error).message}`);
  }
  if (!(e instanceof errors.JOSEError)) {
    // jose checks claims' types with TypeErrors ("aud" claim must be a string...)
    if (e instanceof TypeError && /claim/.test(e.message)) return authFailure("INVALID_CLAIMS", `The token's claims are malformed: ${e.message}`);
    throw e;
  }
  if (e instanceof errors.JWTExpired) return authFailure("TOKEN_EXPIRED", "The token has expired: sign in again");
  if (e instanceof errors.JWTClaimValidationFailed) {
    if (e.claim === "aud") return authFailure("WRONG_AUDIENCE", "The token is meant for another audience");
    if (e.claim === "nbf") return authFailure("TOKEN_NOT_YET_VALID", "The token is not valid yet");
    return authFailure("INVALID_CLAIMS", `The token's "${e.claim}" claim is missing or invalid`);
  }
  if (e instanceof errors.JWKSNoMatchingKey) return authFailure("UNKNOWN_KEY", "The token is signed with a key its issuer does not publish");
  if (e instanceof errors.JWKSMultipleMatchingKeys) return authFailure("UNKNOWN_KEY", "The token names no key id and its issuer has several keys");
  if (e instanceof errors.JWSSignatureVerificationFailed) return authFailure("INVALID_SIGNATURE", "The token's signature is invalid");
  if (e instanceof errors.JOSEAlgNotAllowed || e instanceof errors.JOSENotSupported) {
    return authFailure("INVALID_SIGNATURE", "The token is signed with an algorithm this server does not accept");
  }
  return authFailure("MALFORMED_TOKEN", "The bearer token is not a valid JWT");
}
