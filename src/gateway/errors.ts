import { ErrorCode } from "@modelcontextprotocol/sdk/types.js";
import type { Refusal } from "../connectors/availability.js";
import { isServiceUnavailable, RETRY_AFTER_SECONDS, UNAVAILABLE_MESSAGE } from "../db/unavailable.js";
import { sentence } from "../connectors/upstream.js";
import type { CallFailure } from "../services.js";
import type { ToolCallEnd } from "../tool-calls/call.js";

/** The gateway's own JSON-RPC error codes (the implementation-defined range, -32000 to -32099). */
export const GatewayError = {
  /** the connector is unknown to this key, or not CONNECTED, inactive or not enabled for agents */
  ConnectorUnavailable: -32010,
  /** MCP_MAX_CONCURRENT_CALLS calls of this key are in flight */
  TooManyCalls: -32011,
  /** the connector's server failed or could not be reached */
  UpstreamFailed: -32012,
  /** the server's answer grew past MCP_MAX_RESPONSE */
  ResponseTooLarge: -32013,
} as const;

/**
 * An error the SDK's Protocol answers as `{code, message, data}`. Not McpError: its message would
 * start "MCP error <code>:", and the agent's SDK adds that prefix again.
 */
export class JsonRpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: Record<string, unknown>,
  ) {
    super(message);
  }
}

type AnyRefusal = Refusal | { reason: "BUSY"; message: string };

function refusalCode(r: AnyRefusal): number {
  switch (r.reason) {
    case "UNKNOWN_TOOL":
    case "TOOL_DISABLED":
    case "TOOL_PENDING_REVIEW":
      return ErrorCode.InvalidParams; // the MCP spec's code for an unknown tool
    case "BUSY":
      return GatewayError.TooManyCalls;
    default:
      return GatewayError.ConnectorUnavailable;
  }
}

/** A refusal: nothing went upstream. `data.reason` names the rule. */
export function refusalError(r: AnyRefusal, extra: Record<string, unknown> = {}): JsonRpcError {
  return new JsonRpcError(refusalCode(r), r.message, { reason: r.reason, ...("state" in r ? { state: r.state } : {}), ...extra });
}

/** A failure of the forwarded call, as the agent gets it: never a credential, never a raw upstream error. */
export function failureError(f: CallFailure, extra: Record<string, unknown> = {}): JsonRpcError {
  const data = { reason: f.kind.toUpperCase().replace("-", "_"), ...extra };
  switch (f.kind) {
    case "rejected":
      return new JsonRpcError(f.code, f.message, data);
    case "timeout":
      return new JsonRpcError(ErrorCode.RequestTimeout, `${sentence(f)} (MCP_CALL_TIMEOUT)`, data);
    case "too-large":
      return new JsonRpcError(GatewayError.ResponseTooLarge, `${sentence(f)} (MCP_MAX_RESPONSE)`, data);
    case "unsupported":
      return new JsonRpcError(ErrorCode.MethodNotFound, `Method not found: ${f.message}`, data);
    case "cancelled":
      return new JsonRpcError(ErrorCode.RequestTimeout, "Request cancelled", data);
    default:
      return new JsonRpcError(GatewayError.UpstreamFailed, `The connector's server failed: ${f.message}`, data);
  }
}

/** A tool call that did not end OK, with its ToolCall id for the operator. */
export function callError(end: Exclude<ToolCallEnd, { outcome: "OK" }>): JsonRpcError {
  const extra = { outcome: end.outcome, toolCallId: end.toolCallId };
  return end.outcome === "REFUSED" ? refusalError(end.refusal, extra) : failureError(end.failure, extra);
}

/**
 * What the agent gets for a failure of Plugboard's own (the database gone between the request's
 * authentication and its handler): a code and a sentence, never the error's text, which the SDK
 * would otherwise send as the message.
 */
export function unexpectedError(e: unknown): JsonRpcError {
  return isServiceUnavailable(e)
    ? new JsonRpcError(-32000, UNAVAILABLE_MESSAGE, { reason: "SERVICE_UNAVAILABLE", retryAfter: RETRY_AFTER_SECONDS })
    : new JsonRpcError(ErrorCode.InternalError, "Internal error");
}
