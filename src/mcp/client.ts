import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import {
  CallToolResultSchema,
  ErrorCode,
  GetPromptResultSchema,
  ListPromptsResultSchema,
  ListResourcesResultSchema,
  ListResourceTemplatesResultSchema,
  ListToolsResultSchema,
  LoggingMessageNotificationSchema,
  McpError,
  type Progress,
  ReadResourceResultSchema,
  type Result,
  type ServerCapabilities,
  type Tool,
  ToolListChangedNotificationSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { parseDuration } from "../durations.js";
import { type ConnectOptions, connect, type TransportKind } from "./connect.js";
import { within } from "./deadline.js";
import { currentCall, type LogMessage, withinCall } from "./call-scope.js";
import { CallEndError, type McpFailure, McpFailureError, redactValue, serverErrorText } from "./failures.js";

/** MCP_TIMEOUT's default: how long one MCP step (initialize, one tools/list page, ping) may take. */
export const DEFAULT_MCP_TIMEOUT_MS = 10_000;
/** MCP_TIMEOUT from the environment: milliseconds, or with a unit (10s); unset is the default. */
export const parseMcpTimeout = (value: string | undefined): number =>
  parseDuration("MCP_TIMEOUT", value, DEFAULT_MCP_TIMEOUT_MS, { min: 1, max: 600_000 });
/** A server whose tool list has more pages than this is not listing tools, it is looping. */
export const MAX_TOOL_PAGES = 100;

export interface SessionOptions extends Omit<ConnectOptions, "timeoutMs"> {
  timeoutMs?: number;
}

/** The requests an agent's call is forwarded as, with the schema of the result each one has. */
const FORWARDED = {
  "tools/call": CallToolResultSchema,
  "resources/list": ListResourcesResultSchema,
  "resources/templates/list": ListResourceTemplatesResultSchema,
  "resources/read": ReadResourceResultSchema,
  "prompts/list": ListPromptsResultSchema,
  "prompts/get": GetPromptResultSchema,
} as const;
export type ForwardedMethod = keyof typeof FORWARDED;

export interface ForwardOptions {
  timeoutMs: number;
  /** the most bytes the answer may stream (ResponseTooLarge past it) */
  maxResponseBytes: number;
  /** the agent's cancel: the SDK sends notifications/cancelled upstream */
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  /** the server's log messages sent during the call, cleared of the request's secrets */
  onLog?: (message: LogMessage) => void;
}

export interface McpSession {
  readonly transport: TransportKind;
  /** the server's name and version, as it introduced itself */
  readonly server: { name: string; version: string } | undefined;
  /** every tool, through every page of tools/list; a name listed twice is kept once (the first) */
  listTools(): Promise<Tool[]>;
  /** ping, or the first page of tools/list from a server that does not know ping */
  ping(): Promise<"ping" | "tools/list">;
  /** what the server said it offers at initialize */
  readonly capabilities: ServerCapabilities | undefined;
  /**
   * Forwards one request and returns the server's result as it gave it. Throws McpFailureError when
   * the session failed, CallEndError when the call ended otherwise (timeout, cancel, too large, the
   * server's JSON-RPC error, a method it does not offer). Never retried here: a tool may write.
   */
  forward(method: ForwardedMethod, params: Record<string, unknown> | undefined, options: ForwardOptions): Promise<Result>;
  /** calls `listener` on each notifications/tools/list_changed; returns the unsubscribe */
  onToolsChanged(listener: () => void): () => void;
  /** calls `listener` once the session is closed, by either side */
  onClose(listener: () => void): () => void;
  close(): Promise<void>;
}

/**
 * Opens an MCP session (initialize) with the caller's headers, through the caller's fetch (the egress
 * policy's). Every method throws McpFailureError, typed as unauthorized, unreachable or protocol.
 */
export async function openSession(options: SessionOptions): Promise<McpSession> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_MCP_TIMEOUT_MS;
  const { client, transport, kind, failure, secrets } = await connect({ ...options, timeoutMs });
  const toolListeners = new Set<() => void>();
  const closeListeners = new Set<() => void>();
  let closed = false;
  client.setNotificationHandler(ToolListChangedNotificationSchema, () => toolListeners.forEach((l) => l()));
  // a log message read from a call's own stream goes to that call's agent (src/mcp/call-scope.ts)
  client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => {
    const onLog = currentCall()?.onLog;
    if (onLog) onLog({ ...n.params, data: redactValue(n.params.data, secrets) });
  });
  client.onclose = () => {
    closed = true;
    closeListeners.forEach((l) => l());
  };

  const step = async <T>(during: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await within(run(), timeoutMs);
    } catch (e) {
      throw failure(e, during);
    }
  };
  const page = (cursor: string | undefined) =>
    step("tools/list", () => client.request({ method: "tools/list", params: cursor ? { cursor } : {} }, ListToolsResultSchema, { timeout: timeoutMs }));
  const protocolFailure = (message: string, debug: string): McpFailureError => new McpFailureError({ kind: "protocol", message, debug });

  const session: McpSession = {
    transport: kind,
    server: client.getServerVersion(),
    // client.listTools would also compile every outputSchema for calls this client never makes
    async listTools() {
      const tools = new Map<string, Tool>();
      const cursors = new Set<string>();
      let cursor: string | undefined;
      for (let n = 0; ; n++) {
        if (n === MAX_TOOL_PAGES) throw protocolFailure("the server's tool list does not end", `more than ${MAX_TOOL_PAGES} pages`);
        const result = await page(cursor);
        for (const t of result.tools) if (!tools.has(t.name)) tools.set(t.name, t);
        if (!result.nextCursor) return [...tools.values()];
        if (cursors.has(result.nextCursor)) throw protocolFailure("the server's tool list does not end", "a cursor came back");
        cursors.add((cursor = result.nextCursor));
      }
    },
    async ping() {
      try {
        await within(client.ping({ timeout: timeoutMs }), timeoutMs);
        return "ping";
      } catch (e) {
        if (!(e instanceof McpError && e.code === ErrorCode.MethodNotFound)) throw failure(e, "ping");
      }
      await page(undefined);
      return "tools/list";
    },
    get capabilities() {
      return client.getServerCapabilities();
    },
    async forward(method, params, o) {
      const family = method.split("/")[0] as "tools" | "resources" | "prompts";
      if (!client.getServerCapabilities()?.[family]) throw new CallEndError({ kind: "unsupported", message: `the server offers no ${family}` });
      const tooLarge = new AbortController();
      const signal = o.signal ? AbortSignal.any([o.signal, tooLarge.signal]) : tooLarge.signal;
      const send = () => client.request({ method, params }, FORWARDED[method], { signal, timeout: o.timeoutMs, onprogress: o.onProgress });
      try {
        return await withinCall({ limit: o.maxResponseBytes, abort: (e) => tooLarge.abort(e), onLog: o.onLog }, send);
      } catch (e) {
        if (tooLarge.signal.aborted) throw new CallEndError({ kind: "too-large", message: (tooLarge.signal.reason as Error).message });
        if (o.signal?.aborted) throw new CallEndError({ kind: "cancelled", message: "the call was cancelled" });
        if (e instanceof McpError && e.code === ErrorCode.RequestTimeout) {
          throw new CallEndError({ kind: "timeout", message: `the server did not answer ${method} within ${o.timeoutMs} ms` });
        }
        // the server's own answer; "Connection closed" (-32000, a code servers use too) is the SDK's
        // word for a transport that went away
        if (e instanceof McpError && !(e.code === ErrorCode.ConnectionClosed && e.message.endsWith("Connection closed"))) {
          throw new CallEndError({ kind: "rejected", code: e.code, message: serverErrorText(e, secrets) });
        }
        throw failure(e, method);
      }
    },
    onToolsChanged(listener) {
      toolListeners.add(listener);
      return () => void toolListeners.delete(listener);
    },
    onClose(listener) {
      closeListeners.add(listener);
      return () => void closeListeners.delete(listener);
    },
    async close() {
      if (closed) return;
      // a Streamable HTTP server frees the session on DELETE; one that does not answer is not waited for
      if (transport instanceof StreamableHTTPClientTransport) await within(transport.terminateSession(), timeoutMs).catch(() => {});
      await client.close().catch(() => {});
    },
  };
  return session;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; failure: McpFailure };

/** Opens a session, runs `use`, closes it: the outcome, never a throw for an MCP failure. */
export async function withSession<T>(options: SessionOptions, use: (session: McpSession) => Promise<T>): Promise<Outcome<T>> {
  let session: McpSession | undefined;
  try {
    session = await openSession(options);
    return { ok: true, value: await use(session) };
  } catch (e) {
    if (e instanceof McpFailureError) return { ok: false, failure: e.failure };
    throw e;
  } finally {
    await session?.close();
  }
}

/** initialize then tools/list through every page: what connecting and refreshing a connector need. */
export const discoverTools = (options: SessionOptions) => withSession(options, (s) => s.listTools());

/** initialize then ping (or tools/list): the health check. */
export const checkServer = (options: SessionOptions) => withSession(options, (s) => s.ping());
