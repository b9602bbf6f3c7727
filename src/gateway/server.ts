import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  CallToolRequestSchema,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  type LoggingLevel,
  type Progress,
  ReadResourceRequestSchema,
  SetLevelRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";
import type { Viewer } from "../auth/viewer.js";
import type { PassThroughMethod, ServerLogMessage, Services } from "../services.js";
import { callConnectorTool } from "../tool-calls/call.js";
import { listAvailableTools, listConnectorTools } from "../tool-calls/list.js";
import { passThrough } from "../tool-calls/pass-through.js";
import type { CallSlots } from "../tool-calls/slots.js";
import type { ConnectorSnapshots } from "../tool-calls/snapshots.js";

/** What every session's calls share: the per-key concurrency cap, the connectors read a moment ago. */
export interface CallContext {
  slots: CallSlots;
  snapshots: ConnectorSnapshots;
}
import { callError, failureError, JsonRpcError, refusalError, unexpectedError } from "./errors.js";
import { mcpTool, prefixedTool } from "./tools.js";

/** What a gateway session serves: one connector (/mcp/{id}) or every one the key may use (/mcp). */
export type GatewayScope = { connectorId: string } | { all: true };

export interface SessionView {
  /** the connectors whose tools the session last listed: a change to one of them is worth a list_changed */
  listed: Set<string>;
  /** the least severe log message the agent wants (logging/setLevel); every one until it says */
  logLevel?: LoggingLevel;
}

/** RFC 5424's severities, as MCP orders them: least severe first. */
const SEVERITY: LoggingLevel[] = ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"];

type Extra = {
  authInfo?: { extra?: Record<string, unknown> };
  signal: AbortSignal;
  _meta?: { progressToken?: string | number };
  sendNotification: (
    n: { method: "notifications/progress"; params: Progress & { progressToken: string | number } } | { method: "notifications/message"; params: ServerLogMessage },
  ) => Promise<void>;
};

/** The viewer of this very request (authenticated again on every HTTP request by the route). */
const viewerOf = (extra: Extra) => extra.authInfo!.extra!.viewer as Viewer;

/** Params as they go upstream: without the agent's _meta (its progress token is not the server's to use). */
const forwarded = (params: Record<string, unknown> | undefined) => {
  if (!params) return undefined;
  const { _meta, task, ...rest } = params;
  return rest;
};

/**
 * An MCP server (the SDK's low-level Server, one per agent session) answering from Plugboard's
 * tables and forwarding calls through the domain layer: tools/list and tools/call always, and on a
 * connector's own endpoint resources/* and prompts/* too.
 */
export function gatewayServer(services: Services, scope: GatewayScope, calls: CallContext, view: SessionView): Server {
  const one = "connectorId" in scope;
  const guarded =
    <A extends unknown[], R>(handler: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await handler(...args);
      } catch (e) {
        if (e instanceof JsonRpcError) throw e;
        services.logger.error({ err: e }, "MCP gateway request failed");
        throw unexpectedError(e);
      }
    };
  const server = new Server(
    { name: "plugboard", version: "0.1.0" },
    { capabilities: one ? { tools: { listChanged: true }, resources: {}, prompts: {}, logging: {} } : { tools: { listChanged: true }, logging: {} } },
  );
  // the SDK's own setLevel handler keeps the level where only its sendLoggingMessage reads it, and
  // that sends on the session's GET stream: a call's log messages go on the call's own stream
  server.removeRequestHandler("logging/setLevel");
  server.setRequestHandler(SetLevelRequestSchema, (request) => {
    view.logLevel = request.params.level;
    return {};
  });
  /** The server's log messages during an agent's request, on that request's stream, at the level the agent set. */
  const logsTo = (extra: Extra) => (message: ServerLogMessage) => {
    if (view.logLevel && SEVERITY.indexOf(message.level) < SEVERITY.indexOf(view.logLevel)) return;
    void extra.sendNotification({ method: "notifications/message", params: message }).catch(() => {});
  };

  server.setRequestHandler(ListToolsRequestSchema, guarded(async (_request, extra) => {
    const viewer = viewerOf(extra as Extra);
    if (one) {
      const listed = await listConnectorTools(services.db, viewer, scope.connectorId);
      if (!listed.ok) throw refusalError(listed.refusal);
      view.listed = new Set([scope.connectorId]);
      return { tools: listed.tools.map((t) => mcpTool(t)) };
    }
    const rows = await listAvailableTools(services.db, viewer);
    view.listed = new Set(rows.map((r) => r.connectorId));
    return { tools: rows.map(prefixedTool) };
  }));

  server.setRequestHandler(CallToolRequestSchema, guarded(async (request, rawExtra) => {
    const extra = rawExtra as Extra;
    const token = extra._meta?.progressToken;
    const onProgress =
      token === undefined
        ? undefined
        : (p: Progress) => void extra.sendNotification({ method: "notifications/progress", params: { ...p, progressToken: token } }).catch(() => {});
    const { name } = request.params;
    const end = await callConnectorTool(services, {
      viewer: viewerOf(extra),
      target: one ? { connectorId: scope.connectorId, tool: name } : { prefixed: name },
      arguments: request.params.arguments,
      signal: extra.signal,
      onProgress,
      onLog: logsTo(extra),
      ...calls,
    });
    if (end.outcome === "OK") return end.result as never;
    throw callError(end);
  }));

  if (one) {
    const pass = (method: PassThroughMethod) => guarded(async (request: { params?: Record<string, unknown> }, rawExtra: unknown) => {
      const extra = rawExtra as Extra;
      const end = await passThrough(services, viewerOf(extra), scope.connectorId, method, forwarded(request.params), { signal: extra.signal, onLog: logsTo(extra) });
      if (end.ok) return end.result as never;
      throw "refusal" in end ? refusalError(end.refusal) : failureError(end.failure);
    });
    server.setRequestHandler(ListResourcesRequestSchema, pass("resources/list"));
    server.setRequestHandler(ListResourceTemplatesRequestSchema, pass("resources/templates/list"));
    server.setRequestHandler(ReadResourceRequestSchema, pass("resources/read"));
    server.setRequestHandler(ListPromptsRequestSchema, pass("prompts/list"));
    server.setRequestHandler(GetPromptRequestSchema, pass("prompts/get"));
  }
  return server;
}
