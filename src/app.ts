import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { prisma } from "./db/client.js";
import { ConnectionLimiter } from "./events/connection-limiter.js";
import { LIMITS, type Limits } from "./events/limits.js";
import { createEventBus, type PubSub } from "./events/pubsub.js";
import { useSse } from "./events/sse.js";
import { graphiqlAssetRoutes } from "./http/graphiql-assets.js";
import { withGraphiQL } from "./http/graphiql-page.js";
import { trackRequests } from "./http/inflight.js";
import { sendJson } from "./http/json.js";
import type { ServerConfig } from "./context.js";
import type { Logger } from "./logger.js";
import { oauthCallbackRoute } from "./oauth/callback-route.js";
import { createRefreshScheduler } from "./oauth/refresh-scheduler.js";
import { configureOAuth } from "./oauth/runtime.js";
import { attachGraphQLWs } from "./ws.js";
import { createYogaServer } from "./yoga.js";

export interface AppOptions {
  logger: Logger;
  config?: Partial<ServerConfig>;
  /** the event bus; made from redisUrl (or in memory) when absent. App.stop closes it either way */
  pubsub?: PubSub;
  /** share events with the other instances through Redis */
  redisUrl?: string;
  /** subscription and connection bounds (src/events/limits.ts) */
  limits?: Partial<Limits>;
  /** how long SIGTERM waits for in-flight requests before closing their sockets */
  drainTimeoutMs?: number;
  /** the OAuth token refresh scheduler: on by default, every minute */
  refresh?: { enabled?: boolean; intervalMs?: number };
}

export interface App {
  server: Server;
  pubsub: PubSub;
  start(port: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}

type Route = (req: IncomingMessage, res: ServerResponse) => unknown;

/** The HTTP server: GraphQL (with GraphiQL), health probes, and the routes later modules add. */
export function buildApp(options: AppOptions): App {
  const pubsub = options.pubsub ?? createEventBus({ redisUrl: options.redisUrl, logger: options.logger });
  const config: ServerConfig = { allowedRedirectOrigins: [], ...options.config };
  const limits = { ...LIMITS, ...options.limits };
  const limiter = new ConnectionLimiter(limits.connectionsPerApiKey);
  const sse = useSse({ limiter, keepAliveMs: limits.keepAliveMs });
  const yoga = createYogaServer({ pubsub, logger: options.logger, config, plugins: [sse] });
  const oauth = { pubsub, logger: options.logger, clients: config.oauthClients ?? {} };
  configureOAuth(oauth);
  const refresher = createRefreshScheduler({ ...oauth, intervalMs: options.refresh?.intervalMs ?? 60_000 });
  const routes: Record<string, Route> = {
    "/healthz": (_req, res) => sendJson(res, 200, { status: "ok" }),
    "/readyz": async (_req, res) => {
      try {
        await prisma.$queryRawUnsafe("SELECT 1");
        sendJson(res, 200, { status: "ready", database: "ok" });
      } catch (e) {
        options.logger.warn({ err: e }, "readiness check failed");
        sendJson(res, 503, { status: "unavailable", database: "unreachable" });
      }
    },
    "/graphql": withGraphiQL(yoga, { introspection: config.introspection !== false }),
    ...graphiqlAssetRoutes(),
    "/oauth/callback": oauthCallbackRoute(oauth),
  };

  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    const route = routes[path];
    if (!route) return sendJson(res, 404, { error: "not found", graphql: "/graphql" });
    Promise.resolve(route(req, res)).catch((e) => {
      options.logger.error({ err: e, path }, "request failed");
      if (!res.headersSent) sendJson(res, 500, { error: "internal error" });
    });
  });
  const requests = trackRequests(server);
  const ws = attachGraphQLWs({ server, yoga, logger: options.logger, limiter, limits });
  let stopping: Promise<void> | null = null;

  return {
    server,
    pubsub,
    start: (port, host = "127.0.0.1") =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          const { port: bound } = server.address() as AddressInfo;
          if (options.refresh?.enabled !== false) refresher.start();
          resolve(`http://${host === "::1" ? "[::1]" : host}:${bound}`);
        });
      }),
    // idempotent: SIGTERM and a test's afterAll may both call it
    stop: () => (stopping ??= stopServer()),
  };

  async function stopServer(): Promise<void> {
    const drainMs = options.drainTimeoutMs ?? 10_000;
    // stop accepting; in-flight queries and mutations (HTTP and graphql-ws) finish while
    // subscriptions still run, so their events still reach subscribers
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await Promise.all([
      refresher.stop(), // a refresh pass in flight finishes, like a request
      requests.idle(drainMs),
      ws.drain(drainMs),
    ]);
    // then subscriptions complete (SSE streams end), sockets close with 1001, Redis disconnects
    await pubsub.close();
    await ws.close(drainMs);
    const timer = setTimeout(() => server.closeAllConnections(), drainMs);
    server.closeIdleConnections();
    await closed;
    clearTimeout(timer);
  }
}
