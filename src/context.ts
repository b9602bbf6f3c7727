import type { YogaInitialContext } from "graphql-yoga";
import type { Viewer } from "./auth/viewer.js";
import type { Logger } from "./logger.js";
import type { Services } from "./services.js";

/** The per-request context: who asks, and the services built once by the composition root. */
export interface Context extends Partial<YogaInitialContext> {
  viewer: Viewer;
  services: Services;
  /** this server's origin as browsers and providers reach it (PUBLIC_URL, else the request's) */
  origin: string;
  /** an SSE client's Last-Event-ID: where connectorEvents resumes when `after` is not given */
  lastEventId?: string;
  /** the request's id (x-request-id, or made): a graphql-ws operation has its socket's upgrade request's */
  requestId?: string;
  /** services.logger with this request's id on every line */
  logger: Logger;
}
