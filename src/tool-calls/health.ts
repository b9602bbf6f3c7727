import { recordOutcome } from "../connectors/upstream.js";
import type { Connector } from "../generated/prisma/client.js";
import type { CallFailure, Services, UpstreamFailure } from "../services.js";

type Deps = Pick<Services, "db" | "pubsub" | "upstream" | "config" | "logger" | "metrics">;

/**
 * What a forwarded call says about the connector's health, through the health checks' own rule
 * (recordOutcome): a session that failed, or a server that did not answer in time, is a failed
 * check (AUTH_FAILED, TOKEN_EXPIRED, or ERROR after HEALTH_FAILURES); an answer — a result or the
 * server's JSON-RPC error — is a passed one, written only when there is a failure to clear, so a
 * healthy connector's calls cost no write. A cancel, a too-large answer or an unoffered method say
 * nothing about the server.
 */
export async function countTowardHealth(services: Deps, c: Connector, failure: CallFailure | null): Promise<void> {
  const failed = asHealthFailure(failure);
  const answered = !failure || failure.kind === "rejected";
  if (!failed && !(answered && (c.healthFailures > 0 || c.lastError !== null))) return;
  try {
    await recordOutcome(services, c, failed ? { ok: false, failure: failed } : { ok: true, value: undefined });
  } catch (err) {
    // deleted meanwhile, or the write failed: the call's own answer stands
    services.logger.warn({ err, connectorId: c.id }, "recording a call's outcome on the connector failed");
  }
}

function asHealthFailure(failure: CallFailure | null): UpstreamFailure | null {
  switch (failure?.kind) {
    case "unauthorized":
    case "token-expired":
    case "unreachable":
    case "protocol":
    case "unusable":
      return failure;
    case "timeout":
      return { kind: "unreachable", message: failure.message };
    default:
      return null;
  }
}
