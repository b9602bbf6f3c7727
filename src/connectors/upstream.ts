import type { Viewer } from "../auth/viewer.js";
import { InvalidStateError, NotFoundError, UpstreamError } from "../errors.js";
import type { Connector } from "../generated/prisma/client.js";
import type { Services, UpstreamFailure, UpstreamOutcome } from "../services.js";
import { manageableConnector } from "./access.js";
import { type ConnectorChange, changeConnector } from "./change.js";
import { planDiscovery } from "./discovery.js";
import type { ListedTool } from "./tool-sync.js";

type Deps = Pick<Services, "db" | "pubsub" | "upstream" | "config" | "logger" | "metrics">;

/** A health check's outcome for /metrics: ok, or the failure's kind. */
const healthOutcome = (outcome: UpstreamOutcome<unknown>) => (outcome.ok ? "ok" : outcome.failure.kind);

/** A failure's message as a sentence for statusReason and lastError (it never holds a secret). */
export const sentence = (failure: Pick<UpstreamFailure, "message">) => failure.message.charAt(0).toUpperCase() + failure.message.slice(1);

/**
 * The attempt was made with credentials or a URL the connector no longer has: its outcome is moot.
 * A token refresh (the MCP client's own, before or during the attempt) changes the ciphertext
 * quietly, with no new version: its outcome still counts.
 */
const superseded = (now: Connector, then: Connector) => now.url !== then.url || (now.credentialsEnc !== then.credentialsEnc && now.version !== then.version);

const LIVE = new Set(["CONNECTED", "ERROR"]);

/**
 * A connector whose tools were never read from its server (its connect failed upstream, so it is
 * ERROR with the credentials kept): checking it is discovering, so that it comes back with its tools.
 */
const neverDiscovered = (c: Connector) => c.toolsDiscoveredAt === null;

/**
 * What one attempt at the connector's server found, written to it. Success clears lastError, resets
 * the failure count and brings an ERROR connector back (recover), with the discovered tools when
 * there are some. A refused credential is AUTH_FAILED, a refused refresh TOKEN_EXPIRED; anything
 * else is lastError, and ERROR after HEALTH_FAILURES in a row, so one blip does not flap the state.
 * Only CONNECTED and ERROR connectors change state; an event is written only when something a
 * client sees changed (state, lastError, tools), the rest is quiet bookkeeping.
 */
export function recordOutcome(services: Deps, read: Connector, outcome: UpstreamOutcome<ListedTool[] | void>): Promise<Connector> {
  const now = new Date();
  return changeConnector(services, {
    id: read.id,
    actorId: null, // the contract records the server's own work without an actor
    decide: async (c): Promise<ConnectorChange | null> => {
      if (superseded(c, read)) return null;
      const live = LIVE.has(c.state);
      if (outcome.ok) {
        const sync = Array.isArray(outcome.value) && live ? await planDiscovery(services.db, services.config.upstream.holdNewTools, c, outcome.value, now) : null;
        const recover = c.state === "ERROR";
        const visible = recover || c.lastError !== null || (sync?.changed ?? false);
        return {
          action: recover ? "recover" : undefined,
          quiet: !visible,
          toolsChanged: sync?.changed ?? false,
          toolChanges: sync?.changed ? sync.toolChanges : null,
          data: {
            ...sync?.data,
            lastSyncAt: now,
            lastError: null,
            healthFailures: 0,
            ...(recover ? { statusReason: null } : {}),
            ...(live && !c.credentialsAcceptedAt ? { credentialsAcceptedAt: now } : {}),
          },
          ...(sync ? { also: (tx) => sync.apply(tx) } : {}),
        };
      }
      const { failure } = outcome;
      const message = sentence(failure);
      if (live && failure.kind === "unauthorized") {
        return { action: "rejectAuthorization", data: { statusReason: message, lastError: message, credentialsAcceptedAt: null, healthFailures: 0 } };
      }
      if (live && failure.kind === "token-expired") {
        return { action: "expireToken", data: { statusReason: message, lastError: message, credentialsAcceptedAt: null, refreshLeaseUntil: null } };
      }
      const failures = c.healthFailures + 1;
      const fail = c.state === "CONNECTED" && failures >= services.config.upstream.healthFailures;
      return {
        action: fail ? "fail" : undefined,
        quiet: !fail && c.lastError === message,
        data: { lastError: message, healthFailures: failures, ...(fail ? { statusReason: message } : {}) },
      };
    },
  });
}

/** The connector's row after a failed attempt, as an UpstreamError for the mutation's result. */
function failedWith(outcome: { ok: false; failure: UpstreamFailure }, connector: Connector): UpstreamError {
  return new UpstreamError(sentence(outcome.failure), { kind: outcome.failure.kind, connector });
}

/**
 * Discovers the connector's tools again (initialize and tools/list through every page), keeping
 * each tool's disabled flag and holding what drifted (drift control, tool-sync.ts).
 */
export async function refreshConnectorTools(services: Deps, viewer: Viewer, id: string): Promise<Connector> {
  const c = await manageableConnector(services.db, viewer, id);
  if (!LIVE.has(c.state)) {
    throw new InvalidStateError(`Cannot refresh the tools: the connector is ${c.state}, not CONNECTED`, c.state);
  }
  const outcome = await services.upstream.listTools({ connector: c });
  const after = await recordOutcome(services, c, outcome);
  if (!outcome.ok) throw failedWith(outcome, after);
  return after;
}

/**
 * initialize then ping with the stored credentials (tools/list for a connector never discovered):
 * lastSyncAt on success, the failure recorded otherwise.
 */
export async function checkConnectorHealth(services: Deps, viewer: Viewer, id: string): Promise<Connector> {
  const c = await manageableConnector(services.db, viewer, id);
  const outcome = neverDiscovered(c) ? await services.upstream.listTools({ connector: c }) : await services.upstream.check({ connector: c });
  services.metrics.healthCheck("connector", healthOutcome(outcome));
  const after = await recordOutcome(services, c, outcome);
  if (!outcome.ok) throw failedWith(outcome, after);
  return after;
}

/**
 * The server's own look at a connector (the periodic checker and sync, a list_changed notice): a
 * health check, or a discovery when `discover`. Never throws for the server's failure.
 */
export async function lookAtConnector(services: Deps, id: string, discover: boolean): Promise<Connector | null> {
  const c = await services.db.connector.findUnique({ where: { id } });
  if (!c || !LIVE.has(c.state)) return c;
  const outcome = discover || neverDiscovered(c) ? await services.upstream.listTools({ connector: c }) : await services.upstream.check({ connector: c });
  if (!discover) services.metrics.healthCheck("connector", healthOutcome(outcome));
  try {
    return await recordOutcome(services, c, outcome);
  } catch (e) {
    if (e instanceof NotFoundError) return null; // deleted meanwhile
    throw e;
  }
}
