import * as oauth from "oauth4webapi";
import { changeConnector } from "../connectors/change.js";
import { OAUTH_AUTH_TYPES } from "../connectors/facts.js";
import { NotFoundError } from "../errors.js";
import type { Connector } from "../generated/prisma/client.js";
import type { CoreServices } from "../services.js";
import { clientAuth, clientOf, serverMetadata } from "./client.js";
import { openCredentials, tokenColumns, tokenServerOf } from "./credentials.js";
import { describeFailure, requestOptions } from "./http.js";

export interface RefreshOptions {
  /** refresh tokens that expire within this window (default 5 minutes) */
  windowMs?: number;
  /** how long a claimed connector is left to this instance (default 2 minutes) */
  leaseMs?: number;
  batchSize?: number;
}

export interface RefreshSummary {
  refreshed: number;
  expired: number;
  failed: number;
}

/** OAuth error codes that mean "this refresh token will never work again". */
const REFUSED = new Set(["invalid_grant", "invalid_client", "unauthorized_client", "unsupported_grant_type", "invalid_scope"]);

/**
 * One refresh pass: every CONNECTED connector whose token expires within the window is claimed with
 * a lease (a conditional update: of several instances on one database exactly one wins), then
 * refreshed. A refused refresh, or an expired token without a refresh token, is TOKEN_EXPIRED.
 */
export async function refreshDueTokens(services: CoreServices, o: RefreshOptions = {}): Promise<RefreshSummary> {
  const summary: RefreshSummary = { refreshed: 0, expired: 0, failed: 0 };
  const now = new Date();
  const due = await services.db.connector.findMany({
    where: {
      state: "CONNECTED",
      authType: { in: [...OAUTH_AUTH_TYPES] },
      credentialsEnc: { not: null },
      tokenExpiresAt: { lte: new Date(now.getTime() + (o.windowMs ?? 5 * 60_000)) },
      OR: [{ refreshLeaseUntil: null }, { refreshLeaseUntil: { lt: now } }],
    },
    orderBy: { tokenExpiresAt: "asc" },
    take: o.batchSize ?? 50,
  });
  for (const c of due) {
    if (!(await claim(services, c, now, new Date(now.getTime() + (o.leaseMs ?? 120_000))))) continue;
    try {
      const result = await refreshOne(services, c);
      if (result !== "skipped") summary[result]++;
    } catch (e) {
      // one broken row (e.g. a secret sealed with a removed key) must not stop the others
      services.logger.error({ connectorId: c.id, err: e }, "token refresh crashed");
      summary.failed++;
    }
  }
  return summary;
}

// updatedAt is passed through unchanged: a refresh is neither a state change nor a reconfiguration
function claim(services: CoreServices, c: Connector, now: Date, until: Date): Promise<boolean> {
  return services.db.connector
    .updateMany({
      where: { id: c.id, state: "CONNECTED", credentialsEnc: c.credentialsEnc, OR: [{ refreshLeaseUntil: null }, { refreshLeaseUntil: { lt: now } }] },
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
  const credentials = openCredentials(services.secrets, c);
  const server = credentials?.refreshToken ? await tokenServerOf(services.db, c.id) : null;
  if (!credentials?.refreshToken || !server) return { kind: "refused", reason: "The access token expired and the provider gave no refresh token: connect again" };
  try {
    const as = serverMetadata(server);
    const client = clientOf(server);
    const res = await oauth.refreshTokenGrantRequest(as, client, clientAuth(server, c, { secrets: services.secrets, clients: services.config.oauthClients }), credentials.refreshToken, {
      ...requestOptions(server.tokenEndpoint, services.egress),
      ...(server.resource ? { additionalParameters: { resource: server.resource } } : {}),
    });
    const tokens = await oauth.processRefreshTokenResponse(as, client, res);
    // compare-and-set on the credentials read: a disconnect or a new consent meanwhile wins
    const [row] = await services.db.connector.updateManyAndReturn({
      where: { id: c.id, credentialsEnc: c.credentialsEnc, state: { in: ["CONNECTED", "ERROR"] } },
      data: { ...tokenColumns(services.secrets, c.id, tokens, credentials), updatedAt: c.updatedAt },
    });
    return row ? { kind: "refreshed", connector: row } : { kind: "superseded" };
  } catch (e) {
    const why = describeFailure(e);
    if (e instanceof oauth.ResponseBodyError && REFUSED.has(e.error)) {
      return { kind: "refused", reason: `The provider refused to refresh the access token (${why.message}): connect again` };
    }
    return { kind: "failed", code: why.code };
  }
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
