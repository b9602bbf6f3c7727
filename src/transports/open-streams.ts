import type { Viewer } from "../auth/viewer.js";
import type { Db } from "../db/client.js";
import type { PubSub } from "../events/pubsub.js";
import type { Logger } from "../logger.js";
import type { ViewerCache } from "../auth/viewer-cache.js";

interface OpenStream {
  viewer: Viewer;
  /** ends the stream, telling the client why where its protocol can */
  end(): void;
}

/**
 * Every long-lived stream of this instance (graphql-ws sockets, SSE subscriptions, MCP gateway
 * sessions) by the credentials that opened it, so that a revoked key or a deactivated user loses
 * them all: at once when the revocation is published (this instance or another, through the event
 * bus), within `recheckMs` (LIMITS.keyRecheckMs) when it was written by another process (the CLI).
 */
export class OpenStreams {
  private readonly streams = new Set<OpenStream>();
  private readonly revocations: AsyncIterableIterator<{ apiKeyIds: string[]; userIds: string[] }>;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(private readonly services: { db: Db; pubsub: PubSub; logger: Logger; viewers?: ViewerCache }, recheckMs: number) {
    const revocations = services.pubsub.subscribe("revocations", "all");
    this.revocations = revocations;
    void (async () => {
      for await (const r of revocations) this.endWhere((v) => r.apiKeyIds.includes(v.apiKeyId ?? "") || r.userIds.includes(v.userId ?? ""));
    })().catch(() => {});
    this.timer = setInterval(() => void this.recheck(), recheckMs);
    this.timer.unref();
  }

  /** registers a stream; the returned function unregisters it (when it ends of itself) */
  add(viewer: Viewer, end: () => void): () => void {
    const stream = { viewer, end };
    this.streams.add(stream);
    return () => this.streams.delete(stream);
  }

  get size(): number {
    return this.streams.size;
  }

  private endWhere(revoked: (viewer: Viewer) => boolean): void {
    for (const s of [...this.streams]) {
      if (!revoked(s.viewer)) continue;
      this.streams.delete(s);
      s.end();
    }
  }

  private async recheck(): Promise<void> {
    const streams = [...this.streams];
    const keyIds = [...new Set(streams.map((s) => s.viewer.apiKeyId).filter((id): id is string => !!id))];
    // a signed-in user's streams (no key): their deactivation
    const userIds = [...new Set(streams.filter((s) => !s.viewer.apiKeyId && s.viewer.userId).map((s) => s.viewer.userId!))];
    try {
      const [liveKeys, gone] = await Promise.all([
        keyIds.length ? this.services.db.apiKey.findMany({ where: { id: { in: keyIds }, revokedAt: null }, select: { id: true } }) : [],
        userIds.length ? this.services.db.user.findMany({ where: { id: { in: userIds }, deactivatedAt: { not: null } }, select: { id: true } }) : [],
      ]);
      const valid = new Set(liveKeys.map((k) => k.id));
      const revoked = { apiKeyIds: keyIds.filter((id) => !valid.has(id)), userIds: gone.map((u) => u.id) };
      if (!revoked.apiKeyIds.length && !revoked.userIds.length) return;
      // nor may the next request of such a key pass on what was resolved a moment ago
      this.services.viewers?.forget(revoked);
      this.endWhere((v) => (!!v.apiKeyId && revoked.apiKeyIds.includes(v.apiKeyId)) || (!v.apiKeyId && !!v.userId && revoked.userIds.includes(v.userId)));
    } catch (e) {
      this.services.logger.warn({ err: e }, "could not recheck the credentials of open streams");
    }
  }

  close(): void {
    clearInterval(this.timer);
    void this.revocations.return?.();
  }
}
