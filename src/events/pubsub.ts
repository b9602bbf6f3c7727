import { createPubSub } from "graphql-yoga";
import type { Topics } from "./topics.js";

export type PubSub = ReturnType<typeof createPubSub<Topics>>;

/** In-memory by default; the Redis event target (REDIS_URL) fans events out across instances. */
export function createEventBus(config?: Parameters<typeof createPubSub<Topics>>[0]): PubSub {
  return createPubSub<Topics>(config);
}
