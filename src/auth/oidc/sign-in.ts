import type { JWTPayload } from "jose";
import type { Db } from "../../db/client.js";
import { newId } from "../../db/ids.js";
import type { Role } from "../../generated/prisma/enums.js";
import { type AuthFailure, authFailure } from "../failures.js";
import type { Viewer } from "../viewer.js";
import type { OidcIssuer } from "./config.js";
import type { VerifiedToken } from "./verifier.js";

/** A claim by name, or, for a dotted name that is no claim itself, by path (Keycloak's `realm_access.roles`). */
export function readClaim(claims: JWTPayload, name: string): unknown {
  if (name in claims) return claims[name];
  return name.split(".").reduce<unknown>((v, key) => (v && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined), claims);
}

/** With a roleClaim the identity provider decides at every sign-in: ADMIN if a value maps to it, else MEMBER. */
function roleOf(issuer: OidcIssuer, claims: JWTPayload): Role | null {
  if (!issuer.roleClaim) return null;
  const value = readClaim(claims, issuer.roleClaim);
  const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string");
  return values.some((v) => issuer.roleMapping[v] === "ADMIN") ? "ADMIN" : "MEMBER";
}

const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);
const asViewer = (u: { id: string; organizationId: string; role: Role }): Viewer => ({ apiKeyId: null, organizationId: u.organizationId, userId: u.id, role: u.role });
const SELECT = { id: true, organizationId: true, role: true, deactivatedAt: true } as const;
const deactivated = () => authFailure("USER_DEACTIVATED", "Your user in this organization is deactivated: ask an admin");

/**
 * The user a verified token signs in: found by issuer and subject in the organization the token
 * maps to; at first sign-in, the user an admin made with the token's email (who has not signed in
 * with a token yet), or a new one when the issuer allows it. One query on the hot path.
 */
export async function signIn(db: Db, { issuer, claims }: VerifiedToken): Promise<Viewer | AuthFailure> {
  const subject = text(readClaim(claims, issuer.subjectClaim));
  if (!subject) return authFailure("INVALID_CLAIMS", `The token has no "${issuer.subjectClaim}" claim`);
  const slug = issuer.organization ?? text(readClaim(claims, issuer.organizationClaim!));
  if (!slug) return authFailure("INVALID_CLAIMS", `The token has no "${issuer.organizationClaim}" claim naming the organization`);
  if (issuer.organizations && !issuer.organizations.includes(slug)) return unknownOrganization();
  const role = roleOf(issuer, claims);
  const user = await db.user.findFirst({ where: { organization: { slug }, oidcIssuer: issuer.issuer, oidcSubject: subject }, select: SELECT });
  if (user) {
    if (user.deactivatedAt) return deactivated();
    if (!role || role === user.role) return asViewer(user);
    return asViewer(await changeRole(db, user.id, role));
  }
  return firstSignIn(db, issuer, claims, { slug, subject, role });
}

/** The provider's role wins at sign-in; a demoted person's ADMIN keys become MEMBER keys with them. */
async function changeRole(db: Db, userId: string, role: Role) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: userId }, data: { role }, select: SELECT });
    if (role === "MEMBER") await tx.apiKey.updateMany({ where: { userId, role: "ADMIN" }, data: { role: "MEMBER" } });
    return user;
  });
}

const unknownOrganization = () => authFailure("UNKNOWN_ORGANIZATION", "The token names no organization this identity provider signs in to");
const emailInUse = () => authFailure("EMAIL_IN_USE", "Another user of this organization has the token's email: ask an admin");

async function firstSignIn(db: Db, issuer: OidcIssuer, claims: JWTPayload, who: { slug: string; subject: string; role: Role | null }) {
  const org = await db.organization.findUnique({ where: { slug: who.slug }, select: { id: true } });
  if (!org) return unknownOrganization();
  const email = text(readClaim(claims, issuer.emailClaim));
  if (!email?.includes("@")) return authFailure("INVALID_CLAIMS", `The token has no "${issuer.emailClaim}" claim: a first sign-in needs the person's email`);
  const identity = { oidcIssuer: issuer.issuer, oidcSubject: who.subject };
  const bySubject = () => db.user.findFirst({ where: { organizationId: org.id, ...identity }, select: SELECT });

  // a user an admin made (CLI, API) for this email is this person, unless the provider says the email is unverified
  const invited = await db.user.findFirst({ where: { organizationId: org.id, email: { equals: email, mode: "insensitive" } } });
  if (invited) {
    if (invited.deactivatedAt) return deactivated();
    // a concurrent first sign-in of this very person made the row a moment ago
    if (invited.oidcIssuer === identity.oidcIssuer && invited.oidcSubject === identity.oidcSubject) {
      const same = await bySubject();
      if (same) return asViewer(same);
    }
    if (invited.oidcSubject !== null || claims.email_verified === false) return emailInUse();
    // only while it is still unlinked: two first sign-ins at once link it once
    await db.user.updateMany({ where: { id: invited.id, oidcSubject: null }, data: { ...identity, ...(who.role ? { role: who.role } : {}) } });
    const linked = await bySubject();
    return linked ? asViewer(linked) : emailInUse();
  }
  if (!issuer.allowAutoCreate) {
    return authFailure("SIGN_UP_CLOSED", "This organization has no user for you and does not add people at sign-in: ask an admin to add you");
  }
  // ON CONFLICT DO NOTHING: a concurrent first sign-in of the same person made the row already
  await db.user.createMany({
    data: [{ id: newId("user"), organizationId: org.id, email, name: text(readClaim(claims, issuer.nameClaim)), role: who.role ?? "MEMBER", ...identity }],
    skipDuplicates: true,
  });
  const made = await bySubject();
  return made ? asViewer(made) : emailInUse();
}
