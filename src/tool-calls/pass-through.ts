import type { Viewer } from "../auth/viewer.js";
import { type Refusal, connectorRefusal } from "../connectors/availability.js";
import { visibleConnector } from "../connectors/access.js";
import type { CallFailure, CallOptions, PassThroughMethod, ServerResult, Services } from "../services.js";
import { countTowardHealth } from "./health.js";

export type PassThroughEnd = { ok: true; result: ServerResult } | { ok: false; refusal: Refusal } | { ok: false; failure: CallFailure };

/**
 * resources/* and prompts/* of one connector for an agent, under the rules of tools/call (visible,
 * CONNECTED, active, agent-enabled), forwarded as they are: "unsupported" when its server offers
 * none. Not recorded as ToolCalls (they are not tool calls); a failing server counts toward health.
 */
export async function passThrough(
  services: Services,
  viewer: Viewer,
  connectorId: string,
  method: PassThroughMethod,
  params: Record<string, unknown> | undefined,
  options: Pick<CallOptions, "signal" | "onLog">,
): Promise<PassThroughEnd> {
  const connector = await visibleConnector(services.db, viewer, connectorId);
  if (!connector) return { ok: false, refusal: { reason: "CONNECTOR_NOT_FOUND", message: `No connector with id ${connectorId}` } };
  const refusal = connectorRefusal(connector);
  if (refusal) return { ok: false, refusal };
  const outcome = await services.upstream.passThrough({ connector }, method, params, options);
  await countTowardHealth(services, connector, outcome.ok ? null : outcome.failure);
  return outcome.ok ? { ok: true, result: outcome.value } : { ok: false, failure: outcome.failure };
}
