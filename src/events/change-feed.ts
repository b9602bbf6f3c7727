import type { Change } from "./entity-stream.js";
import type { PubSub } from "./pubsub.js";
import type { PersonalConfigurationMessage } from "./topics.js";

/** Per-id change messages of one app, fanned out to its subscribers with one shared load each. */
export interface ChangeFeed<T> {
  listen(id: string, on: { change(c: Change<T>): void; end(): void }): () => void;
}

/**
 * One bus subscription per id however many subscribers, and one Change (with its memoized load)
 * per message, handed to all of them: the shared load travels in the payload, not beside it.
 */
export function personalConfigurationFeed<T>(bus: PubSub, load: (id: string) => Promise<T | null>): ChangeFeed<T> {
  const feeds = new Map<string, Set<{ change(c: Change<T>): void; end(): void }>>();
  const start = (id: string, listeners: Set<{ change(c: Change<T>): void; end(): void }>) => {
    const source = bus.subscribe("personal-configuration", id);
    const run = async () => {
      for await (const m of source as AsyncIterable<PersonalConfigurationMessage>) {
        let loaded: Promise<T | null> | null = null;
        const change: Change<T> = { version: m.version, deleted: m.deleted, load: () => (loaded ??= load(id)) };
        for (const l of [...listeners]) l.change(change);
        if (listeners.size === 0) break;
      }
    };
    void run()
      .catch((err) => bus.logger?.error({ err, personalConfigurationId: id }, "personal configuration feed failed"))
      .finally(() => {
        if (feeds.get(id) === listeners) feeds.delete(id);
        for (const l of [...listeners]) l.end();
      });
    return () => void source.return?.();
  };
  const stops = new Map<string, () => void>();
  return {
    listen(id, listener) {
      let listeners = feeds.get(id);
      if (!listeners) {
        feeds.set(id, (listeners = new Set()));
        stops.set(id, start(id, listeners));
      }
      listeners.add(listener);
      const own = listeners;
      return () => {
        own.delete(listener);
        if (own.size === 0 && feeds.get(id) === own) {
          feeds.delete(id);
          stops.get(id)?.();
          stops.delete(id);
        }
      };
    },
  };
}
