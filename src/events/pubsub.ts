import { createPubSub } from "graphql-yoga";
import type { Logger } from "../logger.js";
import { connectRedis } from "./redis.js";
import type { Topics } from "./topics.js";

type Inner = ReturnType<typeof createPubSub<Topics>>;

/** The process's event bus: yoga's typed pub/sub, plus the lifecycle the server needs. */
export interface PubSub {
  publish: Inner["publish"];
  subscribe<K extends keyof Topics>(topic: K, id: Topics[K][0]): AsyncIterableIterator<Topics[K][1]>;
  logger?: Logger;
  /** runs after the shared transport came back from an outage, when messages may have been lost */
  onReconnect(listener: () => void): () => void;
  /** ends every subscription (their streams complete), then closes the transport */
  close(): Promise<void>;
  readonly closed: boolean;
}

export interface EventBusOptions {
  /** with a URL, events cross instances through Redis; without, they stay in this process */
  redisUrl?: string;
  logger?: Logger;
}

/** In-memory by default; the Redis event target (REDIS_URL) fans events out across instances. */
export function createEventBus(options: EventBusOptions = {}): PubSub {
  const redis = options.redisUrl ? connectRedis(options.redisUrl, options.logger) : null;
  const inner = createPubSub<Topics>(redis ? { eventTarget: redis.eventTarget } : undefined);
  const open = new Set<AsyncIterator<unknown>>();
  let closed = false;

  return {
    logger: options.logger,
    get closed() {
      return closed;
    },
    publish: ((topic: keyof Topics, id: string, message: never) => {
      if (!closed) inner.publish(topic, id as never, message);
    }) as Inner["publish"],
    subscribe(topic, id) {
      const source = (inner.subscribe as (t: string, i: string) => AsyncIterableIterator<never>)(topic, id);
      // tracked so that close() can end streams that would otherwise wait forever
      const it: AsyncIterableIterator<never> = {
        next: () => source.next(),
        return: (value?: unknown) => {
          open.delete(it);
          return source.return!(value);
        },
        [Symbol.asyncIterator]() {
          return this;
        },
      };
      if (closed) void source.return?.(); // a subscription after close() ends at once
      else open.add(it);
      return it;
    },
    onReconnect: (listener) => redis?.onReconnect(listener) ?? (() => {}),
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([...open].map((it) => it.return?.()));
      await redis?.close();
    },
  };
}
