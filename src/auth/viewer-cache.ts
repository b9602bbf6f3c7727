import type { PubSub } from "../events/pubsub.js";
import type { Viewer } from "./viewer.js";

/**
 * How long a resolved credential is trusted without asking the database again. A second bounds how
 * late a revocation written by another process (the CLI, another instance without Redis) takes
 * effect; revocations made through this server are published and take effect at once. At a
 * thousand requests a second it turns a thousand key lookups into one.
 */
export const VIEWER_CACHE_MS = 1_000;
/** Enough for every active key and signed-in user of a large deployment; the oldest go first. */
const MAX_ENTRIES = 10_000;

export interface CachedViewer {
  viewer: Viewer;
  expiresAt: Date | null;
}

/** Whose credentials stopped being valid: a key revoked, a user deactivated or demoted. */
export interface Revocation {
  apiKeyIds?: string[];
  userIds?: string[];
}

export interface ViewerCache {
  get(credential: string, now?: number): CachedViewer | undefined;
  set(credential: string, entry: CachedViewer, now?: number): void;
  /** drops this instance's entries of the revoked principals (revoke() reaches every instance) */
  forget(revocation: Revocation): void;
  /** tells every instance (through the event bus) to forget the revoked principals */
  revoke(revocation: Revocation): void;
  close(): void;
}

/**
 * Successful resolutions only, keyed by the credential itself (it never leaves this process's
 * memory): an unknown key is asked about every time, so a key made a moment ago works at once.
 */
export function createViewerCache(pubsub: PubSub, ttlMs = VIEWER_CACHE_MS): ViewerCache {
  const entries = new Map<string, CachedViewer & { until: number }>();
  const forget = ({ apiKeyIds = [], userIds = [] }: Revocation) => {
    if (!apiKeyIds.length && !userIds.length) return;
    const keys = new Set(apiKeyIds);
    const users = new Set(userIds);
    for (const [credential, e] of entries) {
      if (keys.has(e.viewer.apiKeyId ?? "") || users.has(e.viewer.userId ?? "")) entries.delete(credential);
    }
  };
  const revocations = pubsub.subscribe("revocations", "all");
  void (async () => {
    for await (const message of revocations) forget(message);
  })().catch(() => {});

  return {
    get(credential, now = Date.now()) {
      const e = entries.get(credential);
      if (!e) return undefined;
      if (e.until <= now) {
        entries.delete(credential);
        return undefined;
      }
      return e;
    },
    set(credential, entry, now = Date.now()) {
      if (ttlMs <= 0) return;
      const until = Math.min(now + ttlMs, entry.expiresAt?.getTime() ?? Infinity);
      entries.delete(credential);
      entries.set(credential, { ...entry, until });
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    },
    forget,
    revoke(revocation) {
      forget(revocation);
      pubsub.publish("revocations", "all", { apiKeyIds: revocation.apiKeyIds ?? [], userIds: revocation.userIds ?? [] });
    },
    close() {
      void revocations.return?.();
      entries.clear();
    },
  };
}
