import { AsyncLocalStorage } from "node:async_hooks";
import type { LoggingMessageNotification } from "@modelcontextprotocol/sdk/types.js";

/** A server's notifications/message, as the agent gets it. */
export type LogMessage = LoggingMessageNotification["params"];

/** A forwarded call's answer grew past MCP_MAX_RESPONSE while it streamed. */
export class ResponseTooLarge extends Error {
  override readonly name = "ResponseTooLarge";

  constructor(readonly limit: number) {
    super(`the server's answer exceeded ${limit} bytes`);
  }
}

export interface CallScope {
  /** the most bytes the answer may stream */
  limit: number;
  /** aborts the SDK request the answer belongs to (it then sends notifications/cancelled upstream) */
  abort(reason: ResponseTooLarge): void;
  /** the server's log messages sent on this call's own stream */
  onLog?: (message: LogMessage) => void;
}

/**
 * The call a POST, its answer and the messages in it belong to. On a pooled session the SDK's
 * transport sends every request through the one fetch and hands every message it reads to the one
 * client; the async context of the request is the only thing that tells whose answer a response body
 * is, or whose call a log message was sent during (the SDK reads each POST's stream in the context
 * of the request that sent it, and gives no hook on the bytes nor the request of a notification).
 * Messages on the session's own GET stream belong to no call, and no agent hears them.
 */
const scope = new AsyncLocalStorage<CallScope>();

/** Runs `send` (an SDK client request) within its call's scope. */
export const withinCall = <T>(call: CallScope, send: () => Promise<T>): Promise<T> => scope.run(call, send);

/** The forwarded call the current code runs for, if any. */
export const currentCall = (): CallScope | undefined => scope.getStore();
