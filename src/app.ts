import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { prisma } from "./db/client.js";
import { createEventBus, type PubSub } from "./events/pubsub.js";
import { sendJson } from "./http/json.js";
import type { ServerConfig } from "./context.js";
import type { Logger } from "./logger.js";
import { createYogaServer } from "./yoga.js";

export interface AppOptions {
  logger: Logger;
  config?: Partial<ServerConfig>;
  pubsub?: PubSub;
  /** how long SIGTERM waits for in-flight requests before closing their sockets */
  drainTimeoutMs?: number;
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
  const pubsub = options.pubsub ?? createEventBus();
  const config: ServerConfig = { allowedRedirectOrigins: [], ...options.config };
  const yoga = createYogaServer({ pubsub, logger: options.logger, config });
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
    "/graphql": yoga,
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

  return {
    server,
    pubsub,
    start: (port, host = "127.0.0.1") =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          const { port: bound } = server.address() as AddressInfo;
          resolve(`http://${host === "::1" ? "[::1]" : host}:${bound}`);
        });
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        // stop accepting, let in-flight requests finish, then drop what is left
        const timer = setTimeout(() => server.closeAllConnections(), options.drainTimeoutMs ?? 10_000);
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
