import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { SSEServerTransport } from "@modelcontextprotocol/sdk/server/sse.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import {
  CallToolRequestSchema,
  type CallToolResult,
  GetPromptRequestSchema,
  isInitializeRequest,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema,
  type Tool,
} from "@modelcontextprotocol/sdk/types.js";
import { readBody } from "./read-body.js";

/** One HTTP request as the server saw it: enough to assert which credential reached upstream. */
export interface SeenRequest {
  method: string;
  path: string;
  /** the JSON-RPC method of a POST, when it had one */
  rpc?: string;
  authorization?: string;
  apiKey?: string;
  /** when it arrived (Date.now()) */
  at?: number;
}

/** What a tool's handler is given: the agent's cancel, a way to report progress, the credential seen. */
export interface ToolContext {
  signal: AbortSignal;
  /** notifications/progress to the caller (only when it asked for progress) */
  progress(progress: number, total?: number, message?: string): Promise<void>;
  /** notifications/message on the call's own stream */
  log(level: "debug" | "info" | "warning" | "error", data: unknown): Promise<void>;
  authorization?: string;
}

/** One tools/call as the server ran it. */
export interface SeenCall {
  name: string;
  arguments: Record<string, unknown> | undefined;
  authorization?: string;
}

export interface McpServerOptions {
  /** runs tools/call; by default a tool answers with its name and arguments as JSON text */
  call?: (name: string, args: Record<string, unknown> | undefined, context: ToolContext) => Promise<CallToolResult> | CallToolResult;
  /** offers resources (resources/list, resources/read) with these texts */
  resources?: { uri: string; name: string; text: string }[];
  /** offers prompts (prompts/list, prompts/get) with these texts */
  prompts?: { name: string; text: string }[];
  tools?: Tool[];
  /**
   * a bearer token to require (rotatable); a header and its value, e.g. an API key; or bearer
   * tokens an authorization server issued (`verify` asks it), whose 401 may name `resourceMetadata`
   */
  auth?:
    | { bearer: string }
    | { header: string; value: string; status?: 401 | 403 }
    | { verify: (token: string) => Promise<boolean>; resourceMetadata?: string };
  /** more routes on the same server, by path (e.g. OAuth protected resource metadata) */
  routes?: Record<string, (req: IncomingMessage, res: ServerResponse, origin: string) => void>;
  /** the endpoint's path, /mcp by default */
  path?: string;
  /** listen on this port (a server started again where a stopped one was) */
  port?: number;
  /** tools/list returns pages of this many tools, chained by nextCursor */
  pageSize?: number;
  /** false: ping is answered with method-not-found */
  ping?: boolean;
  /** "sse": the older HTTP+SSE transport only (GET /sse, POST /messages) */
  transport?: "streamable" | "sse";
  /** answer Streamable HTTP requests with JSON instead of an SSE stream */
  json?: boolean;
}

export interface McpTestServer {
  /** where a client connects: /mcp, or /sse for the older transport */
  url: string;
  seen: SeenRequest[];
  /** every tools/call the server ran, in order */
  calls: SeenCall[];
  /** replaces the tools and tells every open session (notifications/tools/list_changed), unless `notify` is false */
  setTools(tools: Tool[], notify?: boolean): Promise<void>;
  /** the bearer token accepted from now on; the previous one gets 401 invalid_token */
  rotateToken(token: string): void;
  /** open MCP sessions */
  sessions(): number;
  stop(): Promise<void>;
}

/** A tool as a server lists it; `extra` sets annotations, title, outputSchema, …. */
export const tool = (name: string, extra: Partial<Tool> = {}): Tool => ({
  name,
  description: `${name} does its job`,
  inputSchema: { type: "object", properties: { id: { type: "string" } } },
  ...extra,
});

/** A real MCP server (the SDK's) on 127.0.0.1, one Server instance per session. */
export async function startMcp(options: McpServerOptions = {}): Promise<McpTestServer> {
  const state = { tools: options.tools ?? [tool("echo")], token: options.auth && "bearer" in options.auth ? options.auth.bearer : undefined };
  const seen: SeenRequest[] = [];
  const calls: SeenCall[] = [];
  const sessions = new Map<string, { server: Server; transport: StreamableHTTPServerTransport | SSEServerTransport }>();
  const keyHeader = options.auth && "header" in options.auth ? options.auth.header.toLowerCase() : undefined;

  function newServer(): Server {
    const capabilities = {
      tools: { listChanged: true },
      logging: {},
      ...(options.resources ? { resources: {} } : {}),
      ...(options.prompts ? { prompts: {} } : {}),
    };
    const server = new Server({ name: "plugboard-test", version: "1.0.0" }, { capabilities });
    server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
      const { name, arguments: args } = request.params;
      const authorization = extra.requestInfo?.headers.authorization as string | undefined;
      calls.push({ name, arguments: args, authorization });
      const token = request.params._meta?.progressToken;
      const progress = async (value: number, total?: number, message?: string) => {
        if (token !== undefined) await extra.sendNotification({ method: "notifications/progress", params: { progressToken: token, progress: value, total, message } });
      };
      const log = (level: "debug" | "info" | "warning" | "error", data: unknown) => extra.sendNotification({ method: "notifications/message", params: { level, logger: "test-tools", data } });
      if (options.call) return options.call(name, args, { signal: extra.signal, progress, log, authorization });
      return { content: [{ type: "text", text: JSON.stringify({ tool: name, arguments: args ?? null }) }] };
    });
    if (options.resources) {
      const resources = options.resources;
      server.setRequestHandler(ListResourcesRequestSchema, () => ({ resources: resources.map(({ uri, name }) => ({ uri, name })) }));
      server.setRequestHandler(ReadResourceRequestSchema, (request) => {
        const found = resources.find((r) => r.uri === request.params.uri);
        if (!found) throw new Error(`no resource ${request.params.uri}`);
        return { contents: [{ uri: found.uri, text: found.text }] };
      });
    }
    if (options.prompts) {
      const prompts = options.prompts;
      server.setRequestHandler(ListPromptsRequestSchema, () => ({ prompts: prompts.map(({ name }) => ({ name })) }));
      server.setRequestHandler(GetPromptRequestSchema, (request) => {
        const found = prompts.find((p) => p.name === request.params.name);
        if (!found) throw new Error(`no prompt ${request.params.name}`);
        return { messages: [{ role: "user", content: { type: "text", text: found.text } }] };
      });
    }
    server.setRequestHandler(ListToolsRequestSchema, (request) => {
      const size = options.pageSize ?? state.tools.length;
      const start = Number(request.params?.cursor ?? 0);
      const next = start + size < state.tools.length ? String(start + size) : undefined;
      return { tools: state.tools.slice(start, start + size), ...(next ? { nextCursor: next } : {}) };
    });
    if (options.ping === false) server.removeRequestHandler("ping");
    return server;
  }

  /** false when the request may go on; otherwise the refusal is written */
  async function refused(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const auth = options.auth;
    if (!auth) return false;
    if ("bearer" in auth || "verify" in auth) {
      const given = req.headers.authorization;
      const token = given?.startsWith("Bearer ") ? given.slice(7) : undefined;
      if ("bearer" in auth ? token === state.token : token !== undefined && (await auth.verify(token))) return false;
      // RFC 6750 §3.1: no error code when the request had no credentials at all
      const params = given ? ['error="invalid_token"', 'error_description="The access token expired"'] : [];
      if ("resourceMetadata" in auth && auth.resourceMetadata) params.push(`resource_metadata="${auth.resourceMetadata.replace("{origin}", origin)}"`);
      const challenge = params.length ? `Bearer ${params.join(", ")}` : "Bearer";
      res.writeHead(401, { "www-authenticate": challenge, "content-type": "application/json" }).end(`{"error":"invalid_token","seen":"${given}"}`);
      return true;
    }
    if (req.headers[auth.header.toLowerCase()] === auth.value) return false;
    res.writeHead(auth.status ?? 401, { "content-type": "text/plain" }).end("bad API key");
    return true;
  }

  async function streamable(req: IncomingMessage, res: ServerResponse, body: unknown) {
    const id = req.headers["mcp-session-id"];
    const session = typeof id === "string" ? sessions.get(id) : undefined;
    if (session) return (session.transport as StreamableHTTPServerTransport).handleRequest(req, res, body);
    if (id) return res.writeHead(404).end();
    if (req.method !== "POST" || !isInitializeRequest(body)) return res.writeHead(400).end();
    const server = newServer();
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      enableJsonResponse: options.json ?? false,
      onsessioninitialized: (sid) => void sessions.set(sid, { server, transport }),
    });
    transport.onclose = () => transport.sessionId && sessions.delete(transport.sessionId);
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  }

  async function legacy(req: IncomingMessage, res: ServerResponse, path: string, body: unknown) {
    if (req.method === "GET" && path === "/sse") {
      const server = newServer();
      const transport = new SSEServerTransport("/messages", res);
      sessions.set(transport.sessionId, { server, transport });
      res.on("close", () => sessions.delete(transport.sessionId));
      return server.connect(transport);
    }
    if (req.method === "POST" && path === "/messages") {
      const sid = new URL(req.url ?? "/", "http://x").searchParams.get("sessionId") ?? "";
      const session = sessions.get(sid);
      if (!session) return res.writeHead(404).end();
      return (session.transport as SSEServerTransport).handlePostMessage(req, res, body);
    }
    res.writeHead(404).end();
  }

  let origin = "";
  const http = createServer(async (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    const body = req.method === "POST" ? await readBody(req) : undefined;
    const rpc = body && typeof body === "object" && "method" in body ? String(body.method) : undefined;
    const apiKey = keyHeader ? (req.headers[keyHeader] as string | undefined) : undefined;
    seen.push({ method: req.method ?? "", path, rpc, authorization: req.headers.authorization, apiKey, at: Date.now() });
    // an older server's router refuses a Streamable HTTP POST before its auth middleware runs
    if (options.transport === "sse" && req.method === "POST" && path === "/sse") return res.writeHead(405).end();
    const route = options.routes?.[path];
    if (route) return route(req, res, origin);
    if (await refused(req, res)) return;
    if (options.transport === "sse") return legacy(req, res, path, body);
    if (path !== (options.path ?? "/mcp")) return res.writeHead(404).end();
    return streamable(req, res, body);
  });
  await new Promise<void>((resolve) => http.listen(options.port ?? 0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  return {
    url: `${origin}${options.transport === "sse" ? "/sse" : (options.path ?? "/mcp")}`,
    seen,
    calls,
    async setTools(tools, notify = true) {
      state.tools = tools;
      if (notify) await Promise.all([...sessions.values()].map((s) => s.server.sendToolListChanged().catch(() => {})));
    },
    rotateToken(token) {
      state.token = token;
    },
    sessions: () => sessions.size,
    async stop() {
      await Promise.all([...sessions.values()].map((s) => s.server.close().catch(() => {})));
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      });
    },
  };
}
