import type { Server } from "node:http";
import { type ExecutionArgs, GraphQLError } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import type { YogaServerInstance } from "graphql-yoga";
import { type WebSocket, WebSocketServer } from "ws";
import { authenticate } from "../auth/api-keys.js";
import type { Viewer } from "../auth/viewer.js";
import type { Context } from "../context.js";
import type { Db } from "../db/client.js";
import { type Limits, rateLimited } from "../events/limits.js";
import type { Logger } from "../logger.js";
import type { ServerContext } from "../yoga.js";
import type { ConnectionLimiter } from "./connection-limiter.js";

export interface GraphQLWs {
  /** refuses new sockets and new operations; resolves once in-flight queries and mutations ended */
  drain(timeoutMs: number): Promise<void>;
  /** closes every socket with 1001 Going Away, once its ended subscriptions have said `complete` */
  close(timeoutMs: number): Promise<void>;
}

type Rooted = ExecutionArgs & { rootValue: { execute: (a: ExecutionArgs) => unknown; subscribe: (a: ExecutionArgs) => unknown } };

/**
 * graphql-ws (graphql-transport-ws) on the HTTP server's /graphql. Operations go through yoga's
 * envelop, as in yoga's graphql-ws example, so that sockets and HTTP share one context path, error
 * masking and plugins. The API key is checked once, in connection_init.
 */
export function attachGraphQLWs(options: {
  server: Server;
  yoga: YogaServerInstance<ServerContext, Context>;
  db: Db;
  logger: Logger;
  limiter: ConnectionLimiter;
  limits: Limits;
}): GraphQLWs {
  const { server, yoga, limiter, limits } = options;
  const wss = new WebSocketServer({ noServer: true });
  let accepting = true;
  let inflight = 0;
  let drained: (() => void) | null = null;
  const sockets = new Set<{ subscriptions: Record<string, unknown> }>();
  const keyOfSocket = new Map<WebSocket, string>();

  // the key is checked at connection_init; a key revoked later must not keep its sockets streaming
  const recheck = setInterval(async () => {
    const ids = [...new Set(keyOfSocket.values())];
    if (!ids.length) return;
    try {
      const live = await options.db.apiKey.findMany({ where: { id: { in: ids }, revokedAt: null }, select: { id: true } });
      const valid = new Set(live.map((k) => k.id));
      for (const [socket, id] of keyOfSocket) if (!valid.has(id)) socket.close(4403, "API key revoked");
    } catch (e) {
      options.logger.warn({ err: e }, "could not recheck the API keys of open sockets");
    }
  }, limits.keyRecheckMs);
  recheck.unref();

  server.on("upgrade", (req, socket, head) => {
    if ((req.url ?? "/").split("?")[0] !== "/graphql") {
      // leave other paths to whoever else listens for upgrades
      if (server.listenerCount("upgrade") === 1) socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
      return;
    }
    if (!accepting) return void socket.end("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n");
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
  });

  const disposable = useServer<Record<string, unknown>, { viewer: Viewer }>(
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
        const refuse = (code: number, reason: string) => (ctx.extra.socket.close(code, reason), false);
        const authorization = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        // 4401: no credentials (GraphiQL's template "Bearer " is none); 4403: credentials that are not
        // (or no longer) valid. The reason is what GraphiQL shows, so it says what to send
        if (typeof authorization !== "string" || !authorization.replace(/^\s*Bearer\b/i, "").trim()) {
          return refuse(4401, 'Unauthorized: send connectionParams {"Authorization": "Bearer <api key>"}');
        }
        const viewer = await authenticate(options.db, authorization);
        if (!viewer) return refuse(4403, "Forbidden: the API key is invalid or revoked");
        if (!limiter.acquire(viewer.apiKeyId)) {
          options.logger.warn({ apiKeyId: viewer.apiKeyId }, "graphql-ws connection refused: too many for this API key");
          return refuse(4429, `Too many connections for this API key (at most ${limits.connectionsPerApiKey})`);
        }
        ctx.extra.viewer = viewer;
        sockets.add(ctx);
        keyOfSocket.set(ctx.extra.socket, viewer.apiKeyId);
        return true;
      },
      onClose: (ctx) => {
        sockets.delete(ctx);
        keyOfSocket.delete(ctx.extra.socket);
        if (ctx.extra.viewer) limiter.release(ctx.extra.viewer.apiKeyId);
      },
      onSubscribe: async (ctx, _id, params) => {
        if (!accepting) return [new GraphQLError("The server is shutting down", { extensions: { code: "UNAVAILABLE" } })];
        if (Object.keys(ctx.subscriptions).length > limits.subscriptionsPerConnection) {
          return [rateLimited(`Too many operations on this connection (at most ${limits.subscriptionsPerConnection})`)];
        }
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
          viewer: ctx.extra.viewer,
          origin: `http://${ctx.extra.request.headers.host ?? "localhost"}`,
        });
        let document;
        try {
          document = parse(params.query);
        } catch (e) {
          return [e instanceof GraphQLError ? e : new GraphQLError(String(e))];
        }
        const errors = validate(schema, document);
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
      clearInterval(recheck);
      // the bus has ended every stream; their `complete` messages go out before the close frame
      const deadline = Date.now() + timeoutMs;
      while ([...sockets].some((s) => Object.keys(s.subscriptions).length > 0) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 5));
      }
      await disposable.dispose();
    },
  };
}
