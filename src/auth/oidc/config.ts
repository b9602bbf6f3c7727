import { z } from "zod";
import type { Role } from "../../generated/prisma/enums.js";

/** Signature algorithms accepted by default: asymmetric only, so a JWKS never holds a shared secret. */
export const ASYMMETRIC_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA", "Ed25519"] as const;

/**
 * One identity provider the server trusts to sign people in (an entry of OIDC_ISSUERS), and how
 * its tokens' claims map to an organization, a user and a role.
 */
export interface OidcIssuer {
  /** the tokens' `iss`, exactly */
  issuer: string;
  /** a token must name one of these in `aud`: the API's identifier, or the frontend's client id for ID tokens */
  audience: string[];
  /** where the keys are; otherwise read from `{issuer}/.well-known/openid-configuration` */
  jwksUri?: string;
  /** the slug of the one organization this issuer signs people in to ... */
  organization?: string;
  /** ... or the claim whose value is the organization's slug (one identity provider for several) */
  organizationClaim?: string;
  /** with organizationClaim: the only slugs it may name (otherwise any organization) */
  organizations?: string[];
  /** the claim that identifies the person at the issuer (default `sub`) */
  subjectClaim: string;
  /** read at first sign-in (default `email`, `name`); a new user needs an email */
  emailClaim: string;
  nameClaim: string;
  /** when set, every sign-in takes the role from this claim (a string or a list): see roleMapping */
  roleClaim?: string;
  /** claim values to roles; a value not listed (or no claim) is MEMBER */
  roleMapping: Record<string, Role>;
  /** whether a person the organization has no user for yet gets one (MEMBER) at first sign-in */
  allowAutoCreate: boolean;
  algorithms: string[];
}

/** Sign-in with identity providers' tokens, as services see it. */
export interface OidcConfig {
  issuers: OidcIssuer[];
  /** after a fetch of a JWKS, how long a token with an unknown `kid` waits for the next (jose's cooldown) */
  jwksCooldownMs: number;
  /** how long fetched keys are used before they are fetched again */
  jwksCacheMaxAgeMs: number;
  /** the most a discovery or JWKS request may take */
  timeoutMs: number;
}

export const DEFAULT_OIDC: OidcConfig = { issuers: [], jwksCooldownMs: 30_000, jwksCacheMaxAgeMs: 10 * 60_000, timeoutMs: 5_000 };

const claim = z.string().min(1);

const entry = z
  .strictObject({
    issuer: z.string().url(),
    audience: z.union([claim, z.array(claim).min(1)], { error: "a string or a list of strings: what the tokens' aud names" }).transform((a) => (Array.isArray(a) ? a : [a])),
    jwksUri: z.string().url().optional(),
    organization: claim.optional(),
    organizationClaim: claim.optional(),
    organizations: z.array(claim).min(1).optional(),
    subjectClaim: claim.default("sub"),
    emailClaim: claim.default("email"),
    nameClaim: claim.default("name"),
    roleClaim: claim.optional(),
    roleMapping: z.record(z.string(), z.enum(["ADMIN", "MEMBER"])).default({}),
    allowAutoCreate: z.boolean().default(false),
    algorithms: z.array(z.enum(ASYMMETRIC_ALGORITHMS)).min(1).default([...ASYMMETRIC_ALGORITHMS]),
  })
  .superRefine((e, ctx) => {
    const problem = (message: string) => ctx.addIssue({ code: "custom", message });
    if (!e.organization === !e.organizationClaim) problem("give either organization (a slug) or organizationClaim");
    if (e.organizations && !e.organizationClaim) problem("organizations limits organizationClaim: give that too");
    if (Object.keys(e.roleMapping).length && !e.roleClaim) problem("roleMapping needs roleClaim");
  });

const issuers = z.array(entry).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((e, i) => {
    for (const aud of e.audience) {
      const key = JSON.stringify([e.issuer, aud]);
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: [i], message: `${e.issuer} with audience ${aud} is given twice` });
      seen.add(key);
    }
    const first = list.find((o) => o.issuer === e.issuer)!;
    if (first.jwksUri !== e.jwksUri) ctx.addIssue({ code: "custom", path: [i], message: `the entries of ${e.issuer} name different jwksUri` });
  });
});

/** Parses OIDC_ISSUERS: a JSON array of issuers (README, "Sign-in with an identity provider"). */
export function parseOidcIssuers(text: string | undefined): OidcIssuer[] {
  if (!text?.trim()) return [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error("OIDC_ISSUERS: must be a JSON array");
  }
  const parsed = issuers.safeParse(json);
  if (!parsed.success) {
    const { path, message } = parsed.error.issues[0];
    const where = path.length ? ` entry ${String(path[0])}${path.length > 1 ? ` (${path.slice(1).join(".")})` : ""}:` : "";
    throw new Error(`OIDC_ISSUERS:${where} ${message}`);
  }
  return parsed.data;
}
