/**
 * Why a request's credentials make no viewer, in the words every transport answers with: HTTP
 * (status, `extensions.reason`, WWW-Authenticate), graphql-ws (close code and reason) and the MCP
 * gateway. Messages name no secret and no key material.
 */
export type AuthReason =
  /** no Authorization header, or `Bearer` with nothing after it */
  | "MISSING_CREDENTIALS"
  /** an API key that is unknown or revoked */
  | "INVALID_API_KEY"
  /** three dot-separated parts that are not a JWT */
  | "MALFORMED_TOKEN"
  /** `iss` names no issuer of OIDC_ISSUERS */
  | "UNKNOWN_ISSUER"
  /** the issuer's JWKS has no key with the token's `kid`, even fetched again */
  | "UNKNOWN_KEY"
  | "INVALID_SIGNATURE"
  | "TOKEN_EXPIRED"
  | "TOKEN_NOT_YET_VALID"
  /** `aud` names none of the audiences configured for the issuer */
  | "WRONG_AUDIENCE"
  /** a claim the mapping needs is missing or not a string (the message names it) */
  | "INVALID_CLAIMS"
  /** the organization the token names does not exist or is not one this issuer signs in to */
  | "UNKNOWN_ORGANIZATION"
  /** a valid token of a person the organization has no user for, and it does not create users */
  | "SIGN_UP_CLOSED"
  /** the token's person is a user an ADMIN deactivated (deactivateUser): 401, as for a revoked key */
  | "USER_DEACTIVATED"
  /** the token's email belongs to another user of the organization, signed in with another identity */
  | "EMAIL_IN_USE"
  /** the issuer's discovery document or JWKS could not be read: nothing is wrong with the token */
  | "ISSUER_UNAVAILABLE";

export interface AuthFailure {
  reason: AuthReason;
  /** 401: sign in again; 403: signed in, but no user here; 503: try again */
  status: 401 | 403 | 503;
  message: string;
}

const STATUS: Partial<Record<AuthReason, 403 | 503>> = {
  UNKNOWN_ORGANIZATION: 403,
  SIGN_UP_CLOSED: 403,
  EMAIL_IN_USE: 403,
  ISSUER_UNAVAILABLE: 503,
};

export const authFailure = (reason: AuthReason, message: string): AuthFailure => ({ reason, status: STATUS[reason] ?? 401, message });

/** The `extensions.code` of a failure: clients sign in again on UNAUTHENTICATED only. */
export const failureCode = (f: AuthFailure) => (f.status === 403 ? "FORBIDDEN" : f.status === 503 ? "UNAVAILABLE" : "UNAUTHENTICATED");

/** The response headers of a failure: RFC 6750's challenge for a 401, Retry-After for a 503. */
export function failureHeaders(f: AuthFailure): Record<string, string> {
  if (f.status === 503) return { "Retry-After": "5" };
  if (f.status === 403) return {};
  if (f.reason === "MISSING_CREDENTIALS") return { "WWW-Authenticate": "Bearer" };
  const description = f.message.replace(/["\\]/g, "'").replace(/[^\x20-\x7e]/g, "");
  return { "WWW-Authenticate": `Bearer error="invalid_token", error_description="${description}"` };
}
