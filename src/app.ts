import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createOidcVerifier } from "./auth/oidc/verifier.js";
import { createViewerCache } from "./auth/viewer-cache.js";
import { withBodyLimit } from "./http/body-limit.js";
import { createToolCallLog } from "./tool-calls/log.js";
import { OpenStreams } from "./transports/open-streams.js";
import { LIMITS, type Limits } from "./events/limits.js";
import { connectorTrail } from "./connectors/trail.js";
import { isServiceUnavailable, RETRY_AFTER_SECONDS } from "./db/unavailable.js";
import { personalConfigurationFeed } from "./events/change-feed.js";
import { createConnectorHubs } from "./events/listen.js";
import type { PubSub } from "./events/pubsub.js";
import { graphiqlAssetRoutes } from "./http/graphiql-assets.js";
import { withGraphiQL } from "./http/graphiql-page.js";
import { isValidHost } from "./http/host.js";
import { trackRequests } from "./http/inflight.js";
import { sendJson } from "./http/json.js";
import { oauthCallbackRoute } from "./oauth/callback-route.js";
import { createAuthorizationFlows } from "./oauth/flows.js";
import { createRefreshScheduler } from "./oauth/refresh-scheduler.js";
import { lookAtConnector } from "./connectors/upstream.js";
import { createGateway, type Gateway } from "./gateway/gateway.js";
import { createMcpUpstream } from "./mcp/upstream.js";
import { createHealthChecker, createToolSync } from "./scheduling/checks.js";
import { corsPolicy } from "./http/cors.js";
import { REQUEST_ID_HEADER, requestIdOf } from "./http/request-id.js";
import { createMetrics } from "./observability/metrics.js";
import { metricsRoute } from "./observability/metrics-route.js";
import { createOperations } from "./observability/operations.js";
import { createTracing } from "./observability/tracing.js";
import { assembleServices, type BaseServices, type Services } from "./services.js";
import { ConnectionLimiter } from "./transports/connection-limiter.js";
import { attachGraphQLWs } from "./transports/graphql-ws.js";
import { useSse } from "./transports/sse.js";
import { schema } from "./schema.js";
import { createWebhookWorker } from "./webhooks/worker.js";
import { createYogaServer } from "./yoga.js";

export interface AppOptions {
  /** subscription and connection bounds (src/events/limits.ts) */
  limits?: Partial<Limits>;
  /** how long SIGTERM waits for in-flight requests before closing their sockets */
  drainTimeoutMs?: number;
  /** the OAuth token refresh scheduler: on by default, every minute */
  refresh?: { enabled?: boolean; intervalMs?: number };
  /** the health checks of connectors and personal configurations: on by default, every HEALTH_INTERVAL */
  health?: { enabled?: boolean; intervalMs?: number };
  /** the tool discovery of connectors with syncEnabled: on by default, every SYNC_INTERVAL */
  sync?: { enabled?: boolean; intervalMs?: number };
  /** the webhook delivery worker: on by default, polling every WEBHOOK_POLL_INTERVAL */
  webhooks?: { enabled?: boolean };
}

export interface App {
  server: Server;
  services: Services;
  /** the MCP gateway's sessions and calls (src/gateway) */
  gateway: Pick<Gateway, "stats">;
  pubsub: PubSub;
  start(port: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}

type Route = (req: IncomingMessage, res: ServerResponse) => unknown;
/** A route for every path under a prefix: `rest` is what follows it (one segment, never empty). */
type PrefixRoute = (req: IncomingMessage, res: ServerResponse, rest: string) => unknown;

/**
 * The composition root's last step: the domain's ports filled with their implementations. Async
 * because tracing's OpenTelemetry SDK is loaded only when an endpoint is set (about 20 MB of
 * resident memory otherwise spent on code that never runs).
 */
export async function createServices(base: BaseServices): Promise<Services> {
  const { endpoint, serviceName } = base.config.tracing;
  const tracing = endpoint ? await createTracing({ endpoint, serviceName }) : null;
  return assembleServices({ ...base, metrics: createMetrics({ connectorStates: () => connectorStates(base) }) }, {
    oidc: (s) => createOidcVerifier(s.config.oidc, s.egress.fetch),
    viewers: (s) => createViewerCache(s.pubsub, s.config.viewerCacheMs),
    authorization: createAuthorizationFlows,
    upstream: (s) => createMcpUpstream(s, { onToolsChanged: (id) => lookAtConnector(s, id, true) }),
    connectorEvents: (s) => createConnectorHubs(s.pubsub, connectorTrail(s.db)),
    toolCalls: (s) => createToolCallLog(s),
    personalConfigurationChanges: (s) => personalConfigurationFeed(s.pubsub, (id) => s.db.personalConfiguration.findUnique({ where: { id } })),
    tracing: () => tracing,
  });
}

/**
 * Connectors per state, for the gauge /metrics reads at scrape: one grouped count. A database that
 * does not answer leaves the gauge empty rather than failing the scrape (the process metrics still
 * tell what is going on).
 */
async function connectorStates({ db, logger }: Pick<BaseServices, "db" | "logger">) {
  try {
    const groups = await db.connector.groupBy({ by: ["state"], _count: { _all: true } });
    return groups.map((g) => ({ state: g.state, count: g._count._all }));
  } catch (err) {
    logger.warn({ err }, "could not count connectors per state for /metrics");
    return [];
  }
}

/**
 * The HTTP server: GraphQL (with GraphiQL), health probes, the OAuth callback and the MCP gateway
 * (/mcp and /mcp/{connectorId}), over services built once by the caller. App.stop closes the agents'
 * sessions, the services' pubsub, upstream sessions and egress.
 */
export function buildApp(services: Services, options: AppOptions = {}): App {
  const { logger, pubsub } = services;
  const limits = { ...LIMITS, ...options.limits };
  const limiter = new ConnectionLimiter(limits.connectionsPerApiKey);
  const streams = new OpenStreams(services, limits.keyRecheckMs);
  const sse = useSse({ limiter, keepAliveMs: limits.keepAliveMs, metrics: services.metrics, streams });
  const operations = createOperations({
    metrics: services.metrics,
    // yoga's server context is the node request and response
    loggerFor: (context) => logger.child({ requestId: requestIdOf((context as { req: IncomingMessage }).req) }),
  });
  const yoga = createYogaServer(services, {
    plugins: [...(services.tracing ? [services.tracing.plugin] : []), operations.plugin, sse],
    operations,
    cors: corsPolicy(services.config.corsOrigins),
  });
  const { healthIntervalMs, syncIntervalMs } = services.config.upstream;
  const schedulers = [
    { on: options.refresh?.enabled !== false, scheduler: createRefreshScheduler(services, { intervalMs: options.refresh?.intervalMs ?? 60_000 }) },
    { on: options.health?.enabled !== false, scheduler: createHealthChecker(services, { intervalMs: options.health?.intervalMs ?? healthIntervalMs }) },
    { on: options.sync?.enabled !== false, scheduler: createToolSync(services, { intervalMs: options.sync?.intervalMs ?? syncIntervalMs }) },
    { on: options.webhooks?.enabled !== false, scheduler: createWebhookWorker(services, schema) },
  ];
  const gateway = createGateway(services, { streams });
  const routes: Record<string, Route> = {
    "/healthz": (_req, res) => sendJson(res, 200, { status: "ok" }),
    "/readyz": async (_req, res) => {
      try {
        await services.db.$queryRawUnsafe("SELECT 1");
        sendJson(res, 200, { status: "ready", database: "ok" });
      } catch (e) {
        logger.warn({ err: e }, "readiness check failed");
        sendJson(res, 503, { status: "unavailable", database: "unreachable" });
      }
    },
    "/graphql": withBodyLimit(withGraphiQL(yoga, { introspection: services.config.introspection })),
    "/metrics": metricsRoute(services.metrics, services.config.metricsToken),
    ...graphiqlAssetRoutes(),
    "/oauth/callback": oauthCallbackRoute(services),
    "/mcp": (req, res) => gateway.handle(req, res, null),
  };
  const prefixRoutes: Record<string, PrefixRoute> = {
    "/mcp/": (req, res, connectorId) => gateway.handle(req, res, connectorId),
  };
  const routeOf = (path: string): Route | undefined => {
    if (routes[path]) return routes[path];
    for (const [prefix, route] of Object.entries(prefixRoutes)) {
      const rest = path.startsWith(prefix) ? path.slice(prefix.length) : "";
      if (!rest || rest.includes("/")) continue;
      const decoded = decodeURIComponent(rest); // throws on a malformed escape: a 404
      return (req, res) => route(req, res, decoded);
    }
    return undefined;
  };

  const server = createServer((req, res) => {
    if (!isValidHost(req.headers.host)) return sendJson(res, 400, { error: "bad request", reason: "the Host header is not a host name or address" });
    const path = (req.url ?? "/").split("?")[0];
    const requestId = requestIdOf(req);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    let route: Route | undefined;
    try {
      route = routeOf(path);
    } catch {
      route = undefined; // a malformed escape in the path
    }
    if (!route) return sendJson(res, 404, { error: "not found", graphql: "/graphql" });
    Promise.resolve(route(req, res)).catch((e) => {
      logger.error({ err: e, path, requestId }, "request failed");
      if (res.headersSent) return;
      // the OAuth callback or the gateway during a database outage: try again later, as GraphQL says
      if (isServiceUnavailable(e)) res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
      sendJson(res, isServiceUnavailable(e) ? 503 : 500, { error: isServiceUnavailable(e) ? "service unavailable" : "internal error" });
    });
  });
  const requests = trackRequests(server);
  const ws = attachGraphQLWs({ server, yoga, services, limiter, limits, operations, streams, config: services.config });
  let stopping: Promise<void> | null = null;

  return {
    server,
    services,
    gateway,
    pubsub,
    start: (port, host = "127.0.0.1") =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          const { port: bound } = server.address() as AddressInfo;
          for (const { on, scheduler } of schedulers) if (on) scheduler.start();
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
      // a pass in flight (refresh, health check, sync, webhook deliveries) finishes, like a request
      ...schedulers.map(({ scheduler }) => scheduler.stop()),
      requests.idle(drainMs),
      ws.drain(drainMs),
      gateway.drain(drainMs), // agents' calls in flight (MCP requests are event streams to trackRequests)
    ]);
    await gateway.close();
    await services.toolCalls.flush();
    // then subscriptions complete (SSE streams end), sockets close with 1001, Redis disconnects
    await pubsub.close();
    services.viewers.close();
    streams.close();
    await ws.close(drainMs);
    await services.upstream.close();
    await services.egress.close();
    await services.tracing?.shutdown();
    const timer = setTimeout(() => server.closeAllConnections(), drainMs);
    server.closeIdleConnections();
    await closed;
    clearTimeout(timer);
  }
}
