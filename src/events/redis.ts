import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { Redis } from "ioredis";
import type { Logger } from "../logger.js";

/** Keeps trying for ever, backing off to 5 s: an outage must never stop the server. */
const retryStrategy = (times: number) => Math.min(200 * times, 5_000);

export interface RedisTransport {
  eventTarget: ReturnType<typeof createRedisEventTarget>;
  onReconnect(listener: () => void): () => void;
  close(): Promise<void>;
}

/**
 * Two connections (a subscribed Redis connection can do nothing else). Queries and mutations never
 * wait on Redis: a publish that fails is logged and dropped, and subscribers re-read the audit trail
 * when the subscriber connection comes back (onReconnect).
 */
export function connectRedis(url: string, logger?: Logger): RedisTransport {
  const publisher = new Redis(url, { retryStrategy, maxRetriesPerRequest: 2, lazyConnect: false });
  // subscribe commands wait for the connection instead of failing; ioredis resubscribes on reconnect
  const subscriber = new Redis(url, { retryStrategy, maxRetriesPerRequest: null, autoResubscribe: true });
  const listeners = new Set<() => void>();
  let closing = false;

  for (const [name, client] of [["publisher", publisher], ["subscriber", subscriber]] as const) {
    let down = false;
    client.on("error", (err) => {
      // ioredis reports every failed attempt; one line per outage is enough
      if (!down && !closing) logger?.error({ err, redis: name }, "Redis connection lost; retrying");
      down = true;
    });
    // a connection the server cut comes back through "close" and "reconnecting", without an error
    client.on("close", () => {
      if (closing || down) return;
      down = true;
      logger?.warn({ redis: name }, "Redis connection closed; reconnecting");
    });
    client.on("ready", () => {
      if (!down) return;
      down = false;
      logger?.info({ redis: name }, "Redis connection back");
      if (client === subscriber) for (const l of listeners) l();
    });
  }

  // The event target fires publish() and forgets the promise: catch here so that an outage is a log
  // line, not an unhandled rejection that would stop the process.
  const safePublisher = {
    publish: (channel: string, message: string) =>
      publisher.publish(channel, message).catch((err: unknown) => {
        logger?.error({ err, channel }, "Redis publish failed; the event reaches other instances' subscribers on their next catch-up");
        return 0;
      }),
  } as unknown as Redis;
  const safeSubscriber = new Proxy(subscriber, {
    get(target, prop, receiver) {
      if (prop === "subscribe" || prop === "unsubscribe") {
        return (...channels: string[]) =>
          (target[prop] as (...c: string[]) => Promise<unknown>)(...channels).catch((err: unknown) => {
            if (!closing) logger?.error({ err, channels }, `Redis ${String(prop)} failed`);
          });
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });

  return {
    eventTarget: createRedisEventTarget({ publishClient: safePublisher, subscribeClient: safeSubscriber }),
    onReconnect(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closing = true;
      listeners.clear();
      // quit() would wait in the offline queue for a Redis that is down; disconnect() does not
      await Promise.all(
        [publisher, subscriber].map((c) => (c.status === "ready" ? c.quit().catch(() => c.disconnect()) : c.disconnect())),
      );
    },
  };
}
