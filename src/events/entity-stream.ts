import { Channel, END, pull, SKIP } from "./channel.js";
import { LIMITS, tooSlow } from "./limits.js";

/** One committed change of an entity, as it reaches every subscriber of this process. */
export interface Change<T> {
  version: number;
  deleted: boolean;
  /** the entity as it is now (null once gone): one load per change and process, shared by all */
  load(): Promise<T | null>;
}

export interface EntityStreamSpec<T extends { version: number }> {
  /** starts listening for changes; returns the unlisten */
  listen(on: { change(c: Change<T>): void; end(): void }): () => void;
  /** subscribes to "messages may have been lost" (a Redis outage): the entity is read again */
  onReconnect?(reread: () => void): () => void;
  /** the entity now, or null when the viewer may not see it */
  current(): Promise<T | null>;
  /** whether the viewer may still see the entity as it is now */
  visible(entity: T): boolean;
  notFound(): Error;
  /** turns a failure into the stream's last value (logged by the caller's rule) */
  failed(err: unknown): Error;
}

const REREAD = Symbol("reread");
type Item<T> = Change<T> | typeof REREAD | { current: T } | { error: Error };

/**
 * The one design of an entity subscription: listen first, then read the current state and send it
 * first, so nothing committed in between is missed; then every newer version, never backwards (a
 * version at or below the last one sent is dropped), ending after a delete or once the viewer can no
 * longer see it. Used by connectorStateChanged and personalConfigurationChanged alike.
 */
export async function entityStream<T extends { version: number }>(spec: EntityStreamSpec<T>): Promise<AsyncIterableIterator<T | Error>> {
  const channel = new Channel<Item<T>>(LIMITS.queuedEventsPerSubscriber, () => ({ error: tooSlow() }), () => {
    unlisten();
    stopRereads();
  });
  const unlisten = spec.listen({ change: (c) => channel.push(c), end: () => channel.end() });
  const stopRereads = spec.onReconnect?.(() => channel.push(REREAD)) ?? (() => {});
  await channel.startWith(spec.current, (current) => ({ current }), spec.notFound);
  let last = 0;

  const send = (entity: T | null) => {
    if (!entity || !spec.visible(entity)) return END;
    if (entity.version <= last) return SKIP;
    last = entity.version;
    return entity;
  };
  return pull(
    channel,
    async (item) => {
      if (item === REREAD) return send(await spec.current());
      if ("error" in item) return item.error;
      if ("current" in item) {
        last = item.current.version;
        return item.current;
      }
      if (item.deleted) return END;
      if (item.version <= last) return SKIP;
      return send(await item.load());
    },
    spec.failed,
  );
}
