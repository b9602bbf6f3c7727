import type { YogaInitialContext } from "graphql-yoga";
import type { Viewer } from "./auth/viewer.js";
import type { PubSub } from "./events/pubsub.js";

/** The per-request context. The Prisma client is not here: it is a module singleton (src/db). */
export interface Context extends Partial<YogaInitialContext> {
  viewer: Viewer;
  pubsub: PubSub;
  config: ServerConfig;
  /** this server's origin as browsers and providers reach it (PUBLIC_URL, else the request's) */
  origin: string;
}

/** What the HTTP layer passes down to services (OAuth redirects, limits). */
export interface ServerConfig {
  publicUrl?: string;
  /** origins that OAuth may send the browser back to, besides the server's own */
  allowedRedirectOrigins: string[];
}
