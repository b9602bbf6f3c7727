import type { YogaInitialContext } from "graphql-yoga";
import type { Viewer } from "./auth/viewer.js";
import type { PubSub } from "./events/pubsub.js";
import type { OAuthClients } from "./oauth/types.js";

/** The per-request context. The Prisma client is not here: it is a module singleton (src/db). */
export interface Context extends Partial<YogaInitialContext> {
  viewer: Viewer;
  pubsub: PubSub;
  config: ServerConfig;
  /** this server's origin as browsers and providers reach it (PUBLIC_URL, else the request's) */
  origin: string;
  /** an SSE client's Last-Event-ID: where connectorEvents resumes when `after` is not given */
  lastEventId?: string;
}

/** What the HTTP layer passes down to services (OAuth redirects, limits). */
export interface ServerConfig {
  publicUrl?: string;
  /** origins that OAuth may send the browser back to, besides the server's own */
  allowedRedirectOrigins: string[];
  /** OAuth clients per preset slug (OAUTH_CLIENTS), for presets whose connectors bring none */
  oauthClients?: OAuthClients;
  /** schema introspection (INTROSPECTION): on unless false; without a key too (src/auth/introspection.ts) */
  introspection?: boolean;
}
