import type { McpSession } from "./client.js";

export interface PoolOptions {
  /** the most sessions kept open at once; the least recently used one is closed first */
  max: number;
  /** a session unused this long is closed */
  idleMs: number;
}

interface Entry {
  key: string;
  owner: string;
  session: Promise<McpSession>;
  usedAt: number;
  stopWatching?: () => void;
}

/**
 * Initialized MCP sessions kept open per connector and credentials, so that a check or a call does
 * not initialize upstream every time, and so that a server's list_changed reaches us while one is
 * open. A key names the connector, its URL and its sealed credentials: new credentials, new session.
 */
export class SessionPool {
  private readonly entries = new Map<string, Entry>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly options: PoolOptions) {
    this.sweeper = setInterval(() => this.sweep(), Math.min(options.idleMs, 30_000));
    this.sweeper.unref();
  }

  /**
   * The open session for `key`, or one made by `open` (once, however many ask at the same time).
   * `reused` says whether it was open already: a failure on a reused session is worth one retry.
   */
  async acquire(key: string, owner: string, open: () => Promise<McpSession>, watch?: (s: McpSession) => () => void): Promise<{ session: McpSession; reused: boolean }> {
    const found = this.entries.get(key);
    if (found) {
      found.usedAt = Date.now();
      this.entries.delete(key); // re-insert: Map order is recency
      this.entries.set(key, found);
      return { session: await found.session, reused: true };
    }
    this.closeOwner(owner); // the connector's older credentials or URL
    const entry: Entry = { key, owner, usedAt: Date.now(), session: open() };
    this.entries.set(key, entry);
    try {
      const session = await entry.session;
      entry.stopWatching = watch?.(session);
      session.onClose(() => this.entries.get(key) === entry && this.entries.delete(key));
      this.trim();
      return { session, reused: false };
    } catch (e) {
      if (this.entries.get(key) === entry) this.entries.delete(key);
      throw e;
    }
  }

  /** Closes the session for `key` (after a failure on it). */
  drop(key: string): void {
    const entry = this.entries.get(key);
    if (entry) this.close(entry);
  }

  /** Closes every session of one connector (disconnected, deleted, or connected anew). */
  closeOwner(owner: string): void {
    for (const entry of [...this.entries.values()]) if (entry.owner === owner) this.close(entry);
  }

  get size(): number {
    return this.entries.size;
  }

  async closeAll(): Promise<void> {
    clearInterval(this.sweeper);
    const all = [...this.entries.values()];
    this.entries.clear();
    await Promise.all(all.map((e) => this.closeSession(e)));
  }

  private close(entry: Entry): void {
    this.entries.delete(entry.key);
    void this.closeSession(entry);
  }

  private async closeSession(entry: Entry): Promise<void> {
    entry.stopWatching?.();
    await entry.session.then((s) => s.close()).catch(() => {});
  }

  private trim(): void {
    for (const entry of this.entries.values()) {
      if (this.entries.size <= this.options.max) break;
      this.close(entry);
    }
  }

  private sweep(): void {
    const oldest = Date.now() - this.options.idleMs;
    for (const entry of [...this.entries.values()]) if (entry.usedAt < oldest) this.close(entry);
  }
}
