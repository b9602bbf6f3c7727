import type { Db } from "../db/client.js";
import { ValidationError } from "../errors.js";
import type { PersonalConfiguration } from "../generated/prisma/client.js";
import { recordPersonalHealth } from "../personal-configurations/health.js";
import { writePersonalConfiguration } from "../personal-configurations/write.js";
import { freeAt, runLeased } from "../scheduling/leased.js";
import type { CoreServices } from "../services.js";
import { clientAuth } from "./client.js";
import { presetServer } from "./preset-server.js";
import { refreshGrant } from "./refresh-grant.js";
import { type RefreshOptions, type RefreshSummary, summarize } from "./refresh.js";
import type { OAuthServer } from "./types.js";

/** What PersonalConfiguration.credentialsEnc holds for OAUTH2 (sealed). */
interface PersonalTokens {
  accessToken: string;
  refreshToken?: string;
}

export type PersonalTokenRefresh =
  | { kind: "refreshed"; configuration: PersonalConfiguration }
  | { kind: "refused"; reason: string }
  | { kind: "failed"; code: string }
  /** the credentials changed meanwhile (a person's update, another instance's refresh) */
  | { kind: "superseded" }
  /** another instance holds the refresh lease */
  | { kind: "busy" };

const LEASE_MS = 120_000;
/**
 * A refusal holds the lease this long: the provider is not asked again about these credentials
 * every minute (by the scheduler, or by each health check), yet a fixed OAUTH_CLIENTS entry heals it
 * within a day. New credentials free the lease at once (service.ts).
 */
const REFUSED_PAUSE_MS = 24 * 3_600_000;
const RECONNECT = "reconnect";

export const openPersonalTokens = (services: Pick<CoreServices, "secrets">, pc: PersonalConfiguration): PersonalTokens | null =>
  pc.credentialsEnc ? services.secrets.openJson<PersonalTokens>("PersonalConfiguration.credentialsEnc", pc.id, pc.credentialsEnc) : null;

/**
 * The lease on refreshing `pc`'s token, taken only if its credentials and version are still the ones
 * read: updatedAt is written back as read, which must not undo a write made since.
 */
export function claimPersonalRefresh(db: Db, pc: PersonalConfiguration, now: Date, until: Date): Promise<boolean> {
  return db.personalConfiguration
    .updateMany({
      where: { id: pc.id, version: pc.version, credentialsEnc: pc.credentialsEnc, ...freeAt("refreshLeaseUntil", now) },
      data: { refreshLeaseUntil: until, updatedAt: pc.updatedAt },
    })
    .then((r) => r.count === 1);
}

/**
 * The token endpoint of the configuration's preset (its `oauth`, filled from the configuration),
 * with the operator's OAUTH_CLIENTS entry for the preset, or the catalog's public client.
 */
async function tokenServer(db: Db, pc: PersonalConfiguration, clients: CoreServices["config"]["oauthClients"]): Promise<OAuthServer | null> {
  const preset = await db.preset.findUnique({ where: { id: pc.presetId }, select: { slug: true, oauth: true, oauthScopes: true } });
  if (!preset) return null;
  try {
    // a refresh has no redirect
    return presetServer(preset, { clientId: null, clientSecretEnc: null, configuration: pc.configuration }, clients, "");
  } catch (e) {
    if (e instanceof ValidationError) return null; // the configuration cannot fill the endpoints
    throw e;
  }
}

/**
 * Refreshes the configuration's OAuth token at its preset's token endpoint and stores the new one
 * quietly (no version, updatedAt kept: nobody watches a token), compare-and-set on the credentials
 * read. A refusal holds the refresh lease for a day. The caller holds the lease.
 */
export async function refreshPersonalToken(services: CoreServices, pc: PersonalConfiguration): Promise<PersonalTokenRefresh> {
  const result = await attemptPersonalRefresh(services, pc);
  services.metrics.refresh("personal_configuration", result.kind);
  return result;
}

async function attemptPersonalRefresh(services: CoreServices, pc: PersonalConfiguration): Promise<PersonalTokenRefresh> {
  const held = openPersonalTokens(services, pc);
  if (!held?.refreshToken) return refuse(services, pc, `The access token expired and no refresh token is stored: ${RECONNECT}`);
  const server = await tokenServer(services.db, pc, services.config.oauthClients);
  if (!server) return refuse(services, pc, `The preset has no OAuth token endpoint and client to refresh the access token with: ${RECONNECT}`);
  const grant = await refreshGrant(server, () => clientAuth(server, { id: pc.id, clientSecretEnc: null }, { secrets: services.secrets, clients: services.config.oauthClients }), held.refreshToken, services.egress);
  if (grant.kind === "failed") return grant;
  if (grant.kind === "refused") return refuse(services, pc, `${grant.reason}: ${RECONNECT}`);
  const { tokens } = grant;
  // a provider that does not rotate refresh tokens sends none: the one held stays valid
  const sealed = services.secrets.sealJson("PersonalConfiguration.credentialsEnc", pc.id, {
    accessToken: tokens.access_token,
    ...((tokens.refresh_token ?? held.refreshToken) ? { refreshToken: tokens.refresh_token ?? held.refreshToken } : {}),
  } satisfies PersonalTokens);
  const expiresAt = typeof tokens.expires_in === "number" ? new Date(Date.now() + tokens.expires_in * 1000) : null;
  const row = await writePersonalConfiguration(services, {
    id: pc.id,
    decide: (c) =>
      c.credentialsEnc !== pc.credentialsEnc ? null : { quiet: true, data: { credentialsEnc: sealed, credentialsExpireAt: expiresAt, refreshLeaseUntil: null } },
  });
  return row.credentialsEnc === sealed ? { kind: "refreshed", configuration: row } : { kind: "superseded" };
}

/** Claims the refresh lease, then refreshes: for a refresh outside the scheduler (before an MCP request). */
export async function refreshPersonalTokenNow(services: CoreServices, pc: PersonalConfiguration): Promise<PersonalTokenRefresh> {
  const now = new Date();
  if (!(await claimPersonalRefresh(services.db, pc, now, new Date(now.getTime() + LEASE_MS)))) return { kind: "busy" };
  return refreshPersonalToken(services, pc);
}

async function refuse(services: CoreServices, pc: PersonalConfiguration, reason: string): Promise<PersonalTokenRefresh> {
  await writePersonalConfiguration(services, {
    id: pc.id,
    decide: (c) => (c.credentialsEnc !== pc.credentialsEnc ? null : { quiet: true, data: { refreshLeaseUntil: new Date(Date.now() + REFUSED_PAUSE_MS) } }),
  });
  return { kind: "refused", reason };
}

/**
 * The scheduler's pass over personal configurations: each OAuth token that expires within the
 * window is claimed (one instance wins) and refreshed. A refusal, or an expired token with no
 * refresh token, makes the configuration UNHEALTHY with a lastError that says to reconnect.
 */
export async function refreshDuePersonalTokens(services: CoreServices, o: RefreshOptions = {}): Promise<RefreshSummary> {
  const now = new Date();
  const until = new Date(now.getTime() + (o.leaseMs ?? LEASE_MS));
  const due = await services.db.personalConfiguration.findMany({
    where: {
      credentialType: "OAUTH2",
      credentialsEnc: { not: null },
      credentialsExpireAt: { lte: new Date(now.getTime() + (o.windowMs ?? 5 * 60_000)) },
      ...freeAt("refreshLeaseUntil", now),
    },
    orderBy: { credentialsExpireAt: "asc" },
    take: o.batchSize ?? 50,
  });
  const tasks = due.map((pc) => ({
    log: { personalConfigurationId: pc.id },
    claim: () => claimPersonalRefresh(services.db, pc, now, until),
    run: () => refreshOne(services, pc),
  }));
  return summarize(await runLeased(tasks, { concurrency: o.concurrency ?? 8, logger: services.logger, what: "token refresh" }));
}

async function refreshOne(services: CoreServices, pc: PersonalConfiguration): Promise<keyof RefreshSummary | "skipped"> {
  if (!openPersonalTokens(services, pc)?.refreshToken && pc.credentialsExpireAt && pc.credentialsExpireAt > new Date()) {
    // still valid for a few minutes without a refresh token: look again once it has expired
    await writePersonalConfiguration(services, {
      id: pc.id,
      decide: (c) => (c.credentialsEnc !== pc.credentialsEnc ? null : { quiet: true, data: { refreshLeaseUntil: pc.credentialsExpireAt } }),
    });
    return "skipped";
  }
  const result = await refreshPersonalToken(services, pc);
  switch (result.kind) {
    case "refreshed":
      return "refreshed";
    case "failed":
      // transient: the lease runs out and a later pass tries again
      services.logger.warn({ personalConfigurationId: pc.id, error: result.code }, "token refresh failed; will retry");
      return "failed";
    case "refused":
      await recordPersonalHealth(services, pc, { ok: false, failure: { kind: "token-expired", message: result.reason } });
      return "expired";
    default:
      return "skipped";
  }
}
