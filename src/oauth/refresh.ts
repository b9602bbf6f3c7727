import { changeConnector } from "../connectors/change.js";
import { OAUTH_AUTH_TYPES } from "../connectors/facts.js";
import { NotFoundError } from "../errors.js";
import type { Connector } from "../generated/prisma/client.js";
import { freeAt, runLeased, type TaskOutcome } from "../scheduling/leased.js";
import type { CoreServices } from "../services.js";
import { clientAuth } from "./client.js";
import { openCredentials, tokenColumns, tokenServerOf } from "./credentials.js";
import { refreshGrant } from "./refresh-grant.js";

export interface RefreshOptions {
  /** refresh tokens that expire within this window (default 5 minutes) */
  windowMs?: number;
  /** how long a claimed connector is left to this instance (default 2 minutes) */
  leaseMs?: number;
  batchSize?: number;
  /** refreshes at once, so that one slow token endpoint does not hold up the pass (default 8) */
  concurrency?: number;
}

export interface RefreshSummary {
  refreshed: number;
  expired: number;
  failed: number;
}

/**
 * One refresh pass: every CONNECTED connector whose token expires within the window is claimed with
 * a lease (a conditional update: of several instances on one database exactly one wins), then
 * refreshed. A refused refresh, or an expired token without a refresh token, is TOKEN_EXPIRED.
 */
export async function refreshDueTokens(services: CoreServices, o: RefreshOptions = {}): Promise<RefreshSummary> {
  const now = new Date();
  const until = new Date(now.getTime() + (o.leaseMs ?? 120_000));
  const due = await services.db.connector.findMany({
    where: {
      state: "CONNECTED",
      authType: { in: [...OAUTH_AUTH_TYPES] },
      credentialsEnc: { not: null },
      tokenExpiresAt: { lte: new Date(now.getTime() + (o.windowMs ?? 5 * 60_000)) },
      ...freeAt("refreshLeaseUntil", now),
    },
    orderBy: { tokenExpiresAt: "asc" },
    take: o.batchSize ?? 50,
  });
  const tasks = due.map((c) => ({ log: { connectorId: c.id }, claim: () => claim(services, c, now, until), run: () => refreshOne(services, c) }));
  return summarize(await runLeased(tasks, { concurrency: o.concurrency ?? 8, logger: services.logger, what: "token refresh" }));
}

/** A pass's outcomes as counts; a task that crashed counts as failed. */
export function summarize(outcomes: TaskOutcome<keyof RefreshSummary | "skipped">[]): RefreshSummary {
  const summary: RefreshSummary = { refreshed: 0, expired: 0, failed: 0 };
  for (const o of outcomes) {
    if (o.kind === "crashed") summary.failed++;
    else if (o.kind === "done" && o.value !== "skipped") summary[o.value]++;
  }
  return summary;
}

// updatedAt is passed through unchanged: a refresh is neither a state change nor a reconfiguration
function claim(services: CoreServices, c: Connector, now: Date, until: Date): Promise<boolean> {
  return services.db.connector
    .updateMany({
      where: { id: c.id, state: "CONNECTED", credentialsEnc: c.credentialsEnc, ...freeAt("refreshLeaseUntil", now) },
      data: { refreshLeaseUntil: until, updatedAt: c.updatedAt },
    })
    .then((r) => r.count === 1);
}

/** What asking the provider for a new access token came to. */
export type TokenRefresh =
  | { kind: "refreshed"; connector: Connector }
  /** the provider will never refresh this token (or gave no refresh token): connect again */
  | { kind: "refused"; reason: string }
  /** transient (network, 5xx): a later attempt may work */
  | { kind: "failed"; code: string }
  /** the credentials changed meanwhile (a disconnect, a new consent, another instance's refresh) */
  | { kind: "superseded" };

/**
 * Refreshes the connector's OAuth token with the server its tokens came from and stores the new
 * ones, compare-and-set on the credentials read. Used by the scheduler and by the MCP client before
 * a request with a token about to expire, or after a 401.
 */
export async function refreshConnectorToken(services: CoreServices, c: Connector): Promise<TokenRefresh> {
  const result = await attemptRefresh(services, c);
  services.metrics.refresh("connector", result.kind);
  return result;
}

async function attemptRefresh(services: CoreServices, c: Connector): Promise<TokenRefresh> {
  const credentials = openCredentials(services.secrets, c);
  const server = credentials?.refreshToken ? await tokenServerOf(services.db, c.id) : null;
  if (!credentials?.refreshToken || !server) return { kind: "refused", reason: "The access token expired and the provider gave no refresh token: connect again" };
  const grant = await refreshGrant(server, () => clientAuth(server, c, { secrets: services.secrets, clients: services.config.oauthClients }), credentials.refreshToken, services.egress);
  if (grant.kind !== "tokens") return grant.kind === "refused" ? { kind: "refused", reason: `${grant.reason}: connect again` } : grant;
  // compare-and-set on the credentials read: a disconnect or a new consent meanwhile wins
  const [row] = await services.db.connector.updateManyAndReturn({
    where: { id: c.id, credentialsEnc: c.credentialsEnc, state: { in: ["CONNECTED", "ERROR"] } },
    data: { ...tokenColumns(services.secrets, c.id, grant.tokens, credentials), updatedAt: c.updatedAt },
  });
  if (!row) return { kind: "superseded" };
  services.pubsub.publish("connector-credentials", "all", { connectorId: c.id });
  return { kind: "refreshed", connector: row };
}

async function refreshOne(services: CoreServices, c: Connector): Promise<keyof RefreshSummary | "skipped"> {
  const result = await refreshConnectorToken(services, c);
  switch (result.kind) {
    case "refreshed":
      return "refreshed";
    case "superseded":
      return "skipped";
    case "failed":
      // transient: the lease runs out and a later pass tries again
      services.logger.warn({ connectorId: c.id, error: result.code }, "token refresh failed; will retry");
      return "failed";
    case "refused":
      if (c.tokenExpiresAt && c.tokenExpiresAt > new Date() && !openCredentials(services.secrets, c)?.refreshToken) {
        // still valid for a few minutes without a refresh token: look again once it has expired
        await services.db.connector.updateMany({ where: { id: c.id }, data: { refreshLeaseUntil: c.tokenExpiresAt, updatedAt: c.updatedAt } });
        return "skipped";
      }
      return expire(services, c, result.reason);
  }
}

class Superseded extends Error {}

/** TOKEN_EXPIRED with `reason`, unless the connector's credentials changed since `c` was read. */
export async function expire(services: Pick<CoreServices, "db" | "pubsub" | "logger">, c: Connector, reason: string): Promise<"expired" | "skipped"> {
  try {
    await changeConnector(services, {
      id: c.id,
      actorId: null,
      decide: (current) => {
        if (!(current.state === "CONNECTED" || current.state === "ERROR") || current.credentialsEnc !== c.credentialsEnc) throw new Superseded();
        return { action: "expireToken", data: { statusReason: reason, refreshLeaseUntil: null } };
      },
    });
  } catch (e) {
    if (e instanceof Superseded || e instanceof NotFoundError) return "skipped";
    throw e;
  }
  services.logger.info({ connectorId: c.id }, "token expired");
  return "expired";
}
