import type { Server } from "node:http";
import { type ExecutionArgs, type ExecutionResult, GraphQLError, type GraphQLFormattedError } from "graphql";
import type { Context as WsContext } from "graphql-ws";
import { type Extra as WsExtra, useServer } from "graphql-ws/use/ws";
import { isAsyncIterable, type YogaServerInstance } from "graphql-yoga";
import { type WebSocket, WebSocketServer } from "ws";
import { type AuthServices, resolveViewer } from "../auth/resolve-viewer.js";
import { connectionOwner, type Viewer } from "../auth/viewer.js";
import type { Context } from "../context.js";
import { type Limits, rateLimited } from "../events/limits.js";
import { REQUEST_ID_HEADER, requestIdOf } from "../http/request-id.js";
import type { Logger } from "../logger.js";
import type { Metrics } from "../observability/metrics.js";
import { type Operation, type Operations, startOperation } from "../observability/operations.js";
import { isServiceUnavailable, UNAVAILABLE_MESSAGE } from "../db/unavailable.js";
import { upgradeOriginAllowed } from "../http/cors.js";
import { isValidHost } from "../http/host.js";
import type { ServerConfig } from "../config.js";
import { maskError, type ServerContext } from "../yoga.js";
import type { ConnectionLimiter } from "./connection-limiter.js";
import type { OpenStreams } from "./open-streams.js";

export interface GraphQLWs {
  /** refuses new sockets and new operations; resolves once in-flight queries and mutations ended */
  drain(timeoutMs: number): Promise<void>;
  /** closes every socket with 1001 Going Away, once its ended subscriptions have said `complete` */
  close(timeoutMs: number): Promise<void>;
}

const MISSING = 'Unauthorized: send connectionParams {"Authorization": "Bearer <api key>"}';

type Rooted = ExecutionArgs & { rootValue: { execute: (a: ExecutionArgs) => unknown; subscribe: (a: ExecutionArgs) => unknown } };

/**
 * graphql-ws (graphql-transport-ws) on the HTTP server's /graphql. Operations go through yoga's
 * envelop, as in yoga's graphql-ws example, so that sockets and HTTP share one context path, error
 * masking and plugins. The credentials (an API key or a sign-in token) are checked once, in
 * connection_init; a revoked key's (or deactivated user's) sockets close with 4403 through
 * OpenStreams, a token's when it expires.
 */
export function attachGraphQLWs(options: {
  server: Server;
  yoga: YogaServerInstance<ServerContext, Context>;
  services: AuthServices & { metrics: Metrics };
  limiter: ConnectionLimiter;
  limits: Limits;
  streams: OpenStreams;
  /** CORS_ORIGINS and PUBLIC_URL: which pages may open sockets */
  config: Pick<ServerConfig, "corsOrigins" | "publicUrl">;
  /** each operation's access line and metrics (src/observability/operations.ts) */
  operations: Pick<Operations, "bind">;
}): GraphQLWs {
  const { server, yoga, limiter, limits, streams } = options;
  const { logger, metrics } = options.services;
  // ws parses frames up to 100 MiB by default; an operation is never near 1 MB (HTTP's bound too)
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes });
  let accepting = true;
  let inflight = 0;
  let drained: (() => void) | null = null;
  const sockets = new Set<{ subscriptions: Record<string, unknown> }>();

  server.on("upgrade", (req, socket, head) => {
    if ((req.url ?? "/").split("?")[0] !== "/graphql") {
      // leave other paths to whoever else listens for upgrades
      if (server.listenerCount("upgrade") === 1) socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
      return;
    }
    if (!isValidHost(req.headers.host)) return void socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    const { corsOrigins, publicUrl } = options.config;
    if (!upgradeOriginAllowed(corsOrigins, req.headers.origin, req.headers.host, publicUrl)) {
      logger.info({ origin: req.headers.origin?.slice(0, 200), requestId: requestIdOf(req) }, "graphql-ws upgrade refused: origin not allowed");
      return void socket.end("HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n");
    }
    if (!accepting) return void socket.end("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n");
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", refusingServerMessages(ws), req));
  });
  // the socket's operations log with its upgrade request's id, which the 101 response carries
  wss.on("headers", (headers, req) => headers.push(`${REQUEST_ID_HEADER}: ${requestIdOf(req)}`));

  type Extra = {
    viewer: Viewer;
    /** the socket's logger, with its upgrade request's id: one per socket, shared by its operations */
    logger?: Logger;
    expiry?: ReturnType<typeof setTimeout>;
    operations?: Map<string, Operation>;
    unregister?: () => void;
  };
  const operationOf = (extra: Pick<Extra, "operations">, id: string) => extra.operations?.get(id);
  const endOperation = (extra: Pick<Extra, "operations">, id: string) => {
    extra.operations?.get(id)?.end();
    extra.operations?.delete(id);
  };

  /** connection_init: the credentials become the socket's viewer, or the socket is refused. */
  async function accept(ctx: WsContext<Record<string, unknown>, WsExtra & Partial<Extra>>, refuse: (code: number, reason: string) => false): Promise<boolean> {
      const authorization = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
      // 4401: no credentials (GraphiQL's template "Bearer " is none); 4403: credentials that are not
      // (or no longer) valid, with the reason code of a token's failure. The reason is what GraphiQL
      // shows, so it says what to send
      if (typeof authorization !== "string" || !authorization.replace(/^\s*Bearer\b/i, "").trim()) return refuse(4401, MISSING);
      const { viewer, expiresAt, failure } = await resolveViewer(options.services, authorization);
      if (!viewer) {
        if (failure.reason === "MISSING_CREDENTIALS") return refuse(4401, MISSING);
        if (failure.reason === "INVALID_API_KEY") return refuse(4403, "Forbidden: the API key is invalid or revoked");
        // 1013 Try Again Later: the identity provider's keys could not be read, the token may be fine
        return refuse(failure.status === 503 ? 1013 : 4403, closeReason(`Forbidden: ${failure.reason}: ${failure.message}`));
      }
      if (!limiter.acquire(connectionOwner(viewer))) {
        logger.warn({ apiKeyId: viewer.apiKeyId, userId: viewer.userId, requestId: requestIdOf(ctx.extra.request) }, "graphql-ws connection refused: too many for these credentials");
        return refuse(4429, `Too many connections for this API key or user (at most ${limits.connectionsPerApiKey})`);
      }
      ctx.extra.viewer = viewer;
      ctx.extra.operations = new Map();
      metrics.socketOpened();
      sockets.add(ctx);
      ctx.extra.unregister = streams.add(viewer, () => ctx.extra.socket.close(4403, "Forbidden: the API key was revoked or the user deactivated"));
      if (expiresAt) {
        const close = () => ctx.extra.socket.close(4403, "Forbidden: TOKEN_EXPIRED: the token has expired: reconnect with a new one");
        ctx.extra.expiry = setTimeout(close, Math.min(Math.max(expiresAt.getTime() - Date.now(), 0), 2 ** 31 - 1)).unref();
      }
    return true;
  }

  const disposable = useServer<Record<string, unknown>, Extra>(
    {
      execute: async (args) => {
        inflight++;
        try {
          return await ((args as Rooted).rootValue.execute(args) as Promise<never>);
        } finally {
          if (--inflight === 0) drained?.();
        }
      },
      subscribe: (args) => (args as Rooted).rootValue.subscribe(args) as never,
      onConnect: async (ctx) => {
        // graphql-ws closes with 4403 on false; closing first sets the code that applies
        const refuse = (code: number, reason: string): false => (ctx.extra.socket.close(code, reason), false);
        try {
          return await accept(ctx, refuse);
        } catch (e) {
          // graphql-ws would close with 4500 and the error's message (Prisma's, naming the database
          // host and port): the operator reads it in the log, the client gets a generic reason
          logger.error({ err: e, requestId: requestIdOf(ctx.extra.request) }, "graphql-ws connection_init failed");
          return refuse(1011, isServiceUnavailable(e) ? UNAVAILABLE_MESSAGE : "Internal error");
        }
      },
      onClose: (ctx) => {
        sockets.delete(ctx);
        ctx.extra.unregister?.();
        clearTimeout(ctx.extra.expiry);
        if (ctx.extra.viewer) limiter.release(connectionOwner(ctx.extra.viewer));
        if (ctx.extra.operations) {
          metrics.socketClosed();
          for (const id of [...ctx.extra.operations.keys()]) endOperation(ctx.extra, id);
        }
      },
      onNext: (ctx, id, _payload, _args, result) => void operationOf(ctx.extra, id)?.observe(result.errors),
      // a query or mutation that met a database outage ends in an `error` message, as a subscription
      // that cannot start does, instead of a `next` carrying only the error
      onOperation: (_ctx, _id, _params, _args, result) => (isOutage(result) ? failing(result.errors!) : undefined),
      // errors graphql-ws makes itself from a thrown error (a stream that failed) carry its message:
      // masked like every other error
      onError: (ctx, id, _payload, errors) => {
        operationOf(ctx.extra, id)?.observe(errors);
        endOperation(ctx.extra, id);
        return publicErrors(errors);
      },
      onComplete: (ctx, id) => endOperation(ctx.extra, id),
      onSubscribe: async (ctx, id, params) => {
        const requestId = requestIdOf(ctx.extra.request);
        // a pino child is a few KB: one per socket, not one per subscription (of thousands)
        const log = (ctx.extra.logger ??= logger.child({ requestId }));
        const operation = startOperation(metrics, { transport: "ws", logger: log, operationName: params.operationName });
        ctx.extra.operations?.set(id, operation);
        if (!accepting) return [new GraphQLError("The server is shutting down", { extensions: { code: "UNAVAILABLE" } })];
        if (Object.keys(ctx.subscriptions).length > limits.subscriptionsPerConnection) {
          return [rateLimited(`Too many operations on this connection (at most ${limits.subscriptionsPerConnection})`)];
        }
        const initial = {
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
          viewer: ctx.extra.viewer,
          origin: `http://${ctx.extra.request.headers.host ?? "localhost"}`,
          requestId,
          logger: log,
        };
        options.operations.bind(initial, operation);
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped(initial);
        let document;
        try {
          document = parse(params.query);
        } catch (e) {
          return [e instanceof GraphQLError ? e : new GraphQLError(String(e))];
        }
        let errors;
        try {
          errors = validate(schema, document);
        } catch (e) {
          // armor's limits throw from validation: an error for this operation, not a 4500 for the socket
          if (e instanceof GraphQLError) return [e];
          throw e;
        }
        if (errors.length) return errors;
        return {
          schema,
          operationName: params.operationName,
          document,
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
      },
    },
    wss,
    limits.keepAliveMs,
  );

  return {
    async drain(timeoutMs) {
      accepting = false;
      if (inflight === 0) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        drained = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    },
    async close(timeoutMs) {
      // the bus has ended every stream; their `complete` messages go out before the close frame
      const deadline = Date.now() + timeoutMs;
      while ([...sockets].some((s) => Object.keys(s.subscriptions).length > 0) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 5));
      }
      await disposable.dispose();
    },
  };
}

/** A WebSocket close reason holds at most 123 bytes. */
function closeReason(text: string): string {
  const bytes = Buffer.from(text);
  return bytes.length <= 123 ? text : `${bytes.subarray(0, 120).toString().replace(/\uFFFD$/, "")}...`;
}

const isOutage = (result: unknown): result is ExecutionResult =>
  !!result &&
  !isAsyncIterable(result) &&
  (result as ExecutionResult).data == null &&
  !!(result as ExecutionResult).errors?.some((e) => e.extensions?.code === "SERVICE_UNAVAILABLE");

/** An operation result that fails at once: graphql-ws sends what it throws as the operation's `error`. */
async function* failing(errors: readonly GraphQLError[]): AsyncGenerator<never> {
  throw new AggregateError(errors);
}

function publicErrors(errors: readonly GraphQLError[]): GraphQLFormattedError[] {
  return errors.flatMap((e) => {
    const cause = e.originalError;
    const inner = cause instanceof AggregateError ? (cause.errors as GraphQLError[]) : [cause ? (maskError(e, "Unexpected error.") as GraphQLError) : e];
    return inner.map((error) => {
      const { http: _http, ...extensions } = error.extensions ?? {};
      return { ...error.toJSON(), extensions };
    });
  });
}

/** What only a server sends (graphql-ws PROTOCOL.md): from a client, a protocol error. */
const SERVER_ONLY = new Set(["connection_ack", "next", "error"]);

/**
 * graphql-ws's server throws on a client's `next`, `error` or `connection_ack`, which its ws glue
 * turns into 4500 Internal Server Error; the protocol says 4400 Invalid message received. Such a
 * frame is answered so before graphql-ws sees it.
 */
function refusingServerMessages(ws: WebSocket): WebSocket {
  const emit = ws.emit.bind(ws) as (event: string, ...args: unknown[]) => boolean;
  ws.emit = ((event: string, ...args: unknown[]) => {
    if (event === "message") {
      const type = messageType(args[0]);
      if (type && SERVER_ONLY.has(type)) {
        ws.close(4400, `Invalid message received: a client does not send "${type}"`);
        return true;
      }
    }
    return emit(event, ...args);
  }) as WebSocket["emit"];
  return ws;
}

// most frames (subscribe, complete, ping) name none of these: only those that might are parsed twice
const MIGHT_BE_SERVER_ONLY = /"(?:connection_ack|next|error)"/;

function messageType(data: unknown): string | null {
  const text = String(data);
  if (!MIGHT_BE_SERVER_ONLY.test(text)) return null;
  try {
    const parsed = JSON.parse(text) as { type?: unknown };
    return typeof parsed?.type === "string" ? parsed.type : null;
  } catch {
    return null; // graphql-ws answers a frame that is not JSON itself (4400)
  }
}
