import type { YogaInitialContext } from "graphql-yoga";
import type { Viewer } from "./auth/viewer.js";
import type { PubSub } from "./events/pubsub.js";

/** The per-request context. The Prisma client is not here: it is a module singleton (src/db). */
export interface Context extends Partial<YogaInitialContext> {
  viewer: Viewer;
  pubsub: PubSub;
}
