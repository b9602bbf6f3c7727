import { createRemoteJWKSet, customFetch, type FetchImplementation, type JWTVerifyGetKey } from "jose";
import { EgressError } from "../../egress/errors.js";
import type { OidcConfig, OidcIssuer } from "./config.js";

/** The issuer's keys could not be read (discovery or JWKS): the token may well be fine. */
export class IssuerUnavailable extends Error {}

/**
 * The keys of each configured issuer, fetched once through the egress policy and kept by jose's
 * remote JWKS: refreshed after jwksCacheMaxAgeMs, and at once for a token whose `kid` it does not
 * hold (a rotation), at most once per jwksCooldownMs so unknown kids cannot make it hammer the
 * issuer. Without a jwksUri the issuer's discovery document names the JWKS.
 */
export function createIssuerKeys(config: OidcConfig, fetch: typeof globalThis.fetch): (issuer: OidcIssuer) => JWTVerifyGetKey {
  const sets = new Map<string, Promise<JWTVerifyGetKey>>();

  const open = async (issuer: OidcIssuer): Promise<JWTVerifyGetKey> => {
    const uri = issuer.jwksUri ?? (await discoverJwksUri(issuer.issuer, fetch, config.timeoutMs));
    return createRemoteJWKSet(new URL(uri), {
      [customFetch]: fetch as unknown as FetchImplementation,
      timeoutDuration: config.timeoutMs,
      cooldownDuration: config.jwksCooldownMs,
      cacheMaxAge: config.jwksCacheMaxAgeMs,
    });
  };

  return (issuer) => async (header, token) => {
    let set = sets.get(issuer.issuer);
    if (!set) {
      set = open(issuer);
      sets.set(issuer.issuer, set);
      // a discovery that failed is tried again by the next token, not remembered
      set.catch(() => sets.delete(issuer.issuer));
    }
    return (await set)(header, token);
  };
}

/** OpenID Connect Discovery: the JWKS of the issuer whose document says it is that issuer. */
async function discoverJwksUri(issuer: string, fetch: typeof globalThis.fetch, timeoutMs: number): Promise<string> {
  const url = `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`;
  let doc: { issuer?: unknown; jwks_uri?: unknown };
  try {
    const res = await fetch(url, { headers: { accept: "application/json" }, signal: AbortSignal.timeout(timeoutMs) });
    if (res.status !== 200) throw new IssuerUnavailable(`its discovery document answered HTTP ${res.status}`);
    doc = (await res.json()) as typeof doc;
  } catch (e) {
    if (e instanceof IssuerUnavailable) throw e;
    throw new IssuerUnavailable(`its discovery document could not be read: ${e instanceof EgressError ? e.debug : (e as Error).message}`);
  }
  if (doc.issuer !== issuer) throw new IssuerUnavailable("its discovery document names another issuer");
  if (typeof doc.jwks_uri !== "string" || !URL.canParse(doc.jwks_uri)) throw new IssuerUnavailable("its discovery document names no jwks_uri");
  return doc.jwks_uri;
}
