import { connectionOwner } from "../auth/viewer.js";
import type { Viewer } from "../auth/viewer.js";
import { canSeeConnector } from "../auth/visibility.js";
import { type Refusal, connectorRefusal, toolRefusal } from "../connectors/availability.js";
import { splitPrefixed } from "../connectors/handle.js";
import { sentence } from "../connectors/upstream.js";
import type { Connector } from "../generated/prisma/client.js";
import type { CallFailure, CallOptions, ServerResult, Services } from "../services.js";
import { countTowardHealth } from "./health.js";
import { newToolCallId } from "./record.js";
import type { CallSlots } from "./slots.js";
import type { ConnectorSnapshots } from "./snapshots.js";

/** Which tool: a connector's own name for it (/mcp/{id}), or "<handle>__<tool>" (/mcp). */
export type CallTarget = { connectorId: string; tool: string } | { prefixed: string };

export interface ToolCallRequest extends Pick<CallOptions, "signal" | "onProgress" | "onLog"> {
  viewer: Viewer;
  target: CallTarget;
  arguments?: Record<string, unknown>;
  /** the calls in flight per API key (MCP_MAX_CONCURRENT_CALLS) */
  slots: CallSlots;
  /** connectors and their tools as of a moment ago (src/tool-calls/snapshots.ts) */
  snapshots: ConnectorSnapshots;
}

type Ended = { toolCallId: string; message: string };
/** How a call ended; every one of them is a ToolCall row, queued to be written (src/tool-calls/log.ts). */
export type ToolCallEnd =
  | { outcome: "OK"; toolCallId: string; result: ServerResult }
  | ({ outcome: "REFUSED"; refusal: Refusal | { reason: "BUSY"; message: string } } & Ended)
  | ({ outcome: "ERROR" | "TIMEOUT" | "CANCELLED"; failure: CallFailure } & Ended);

/**
 * The connector, if the viewer may see it, and its tool row. The tool is looked up on the
 * connector found, so that an unknown or invisible connector finds none.
 */
async function resolve(snapshots: ConnectorSnapshots, viewer: Viewer, target: CallTarget) {
  const split = "connectorId" in target ? { tool: target.tool } : splitPrefixed(target.prefixed);
  if (!split) return { connector: null, tool: toolName(target), row: null };
  const snapshot = "connectorId" in target ? await snapshots.byId(target.connectorId) : await snapshots.byHandle(viewer.organizationId, (split as { handle: string }).handle);
  if (!snapshot || !canSeeConnector(viewer, snapshot.connector)) return { connector: null, tool: split.tool, row: null };
  return { connector: snapshot.connector, tool: split.tool, row: snapshot.tools.get(split.tool) ?? null };
}

const outcomeOf = (f: CallFailure) => (f.kind === "timeout" ? "TIMEOUT" : f.kind === "cancelled" ? "CANCELLED" : "ERROR");

/**
 * One tool call for an agent, start to end: the connector (visible to the viewer, CONNECTED, active,
 * agent-enabled) and the tool (known, enabled, not held for review) are checked before anything goes
 * upstream, then a slot of the key's concurrency cap is taken and the call is forwarded with the
 * connector's credentials. Whatever happens is one ToolCall row, and a failing server counts toward
 * the connector's health.
 */
export async function callConnectorTool(services: Services, request: ToolCallRequest): Promise<ToolCallEnd> {
  const { viewer } = request;
  const started = Date.now();
  const toolCallId = newToolCallId(started);
  const { connector, tool, row } = await resolve(request.snapshots, viewer, request.target);
  const end = async (connectorRow: Connector | null, toolName: string, e: ToolCallEnd): Promise<ToolCallEnd> => {
    const errorMessage = e.outcome === "OK" ? null : e.message;
    const durationMs = Date.now() - started;
    services.toolCalls.add({ id: toolCallId, viewer, connector: connectorRow, toolName, outcome: e.outcome, errorMessage, startedAt: new Date(started), durationMs });
    services.metrics.toolCall(e.outcome, durationMs);
    return e;
  };
  const refuse = (refusal: Refusal | { reason: "BUSY"; message: string }) =>
    end(connector, connector ? tool : toolName(request.target), { outcome: "REFUSED", toolCallId, refusal, message: refusal.message });

  if (!connector) {
    if ("connectorId" in request.target) return refuse({ reason: "CONNECTOR_NOT_FOUND", message: `No connector with id ${request.target.connectorId}` });
    return refuse(toolRefusal(null, toolName(request.target))!);
  }
  const unusable = connectorRefusal(connector);
  if (unusable) return refuse(unusable);
  const refused = toolRefusal(row, tool);
  if (refused) return refuse(refused);
  const release = request.slots.take(connectionOwner(viewer));
  if (!release) return refuse({ reason: "BUSY", message: `Too many calls in flight for this API key (at most ${request.slots.max} at once): wait for one to end` });

  let outcome;
  try {
    outcome = await services.upstream.callTool({ connector }, tool, request.arguments, { signal: request.signal, onProgress: request.onProgress, onLog: request.onLog });
  } finally {
    release();
  }
  await countTowardHealth(services, connector, outcome.ok ? null : outcome.failure);
  if (outcome.ok) return end(connector, tool, { outcome: "OK", toolCallId, result: outcome.value });
  const { failure } = outcome;
  return end(connector, tool, { outcome: outcomeOf(failure), toolCallId, failure, message: describe(failure) });
}

const toolName = (target: CallTarget) => ("connectorId" in target ? target.tool : target.prefixed);

/** The row's errorMessage and the agent's error text: ours, or the server's cleared of credentials. */
function describe(f: CallFailure): string {
  if (f.kind === "rejected") return `The server answered with an error (${f.code}): ${f.message}`;
  if (f.kind === "cancelled") return "The agent cancelled the call";
  return sentence(f);
}
