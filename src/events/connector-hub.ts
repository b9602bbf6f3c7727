import type { Connector, ConnectorEvent } from "../generated/prisma/client.js";
import { fromMessage, toMessage } from "./publish.js";
import type { PubSub } from "./pubsub.js";
import type { ConnectorEventMessage } from "./topics.js";

/** One committed event as every subscriber of this process sees it: built once, shared by all. */
export interface LiveEvent {
  readonly row: ConnectorEvent;
  /** the connector as it is now (null once deleted): one query per event and process, on first ask */
  connector(): Promise<Connector | null>;
}

/**
 * What the hub reads from the audit trail, given by the domain layer: the hub orders and fans out
 * events but owns no query of its own.
 */
export interface EventTrail {
  /** the highest seq of the organization's events */
  highWater(organizationId: string): Promise<bigint>;
  /** events after `seq`, of one connector or of a whole organization, in seq order */
  after(scope: { connectorId: string } | { organizationId: string }, seq: bigint, take: number): Promise<ConnectorEvent[]>;
  /** the connector as it is now */
  connector(id: string): Promise<Connector | null>;
}

export interface HubListener {
  event(e: LiveEvent): void;
  /** the bus closed (shutdown): the subscriber's stream ends */
  end(): void;
}

/** listeners served per turn of the event loop */
const SLICE = 200;

interface ConnectorCursor {
  seq: bigint;
  version: number;
  /** messages held while the gap before them is read from the audit trail */
  held: ConnectorEventMessage[] | null;
}

/**
 * The connector events of one organization in this process: one pub/sub subscription however many
 * subscribers, routed by connector id. It also puts each connector's events in order: a message
 * whose version skips ahead (another instance published late, or Redis dropped one) makes it read
 * the missing rows from the audit trail first, once for all subscribers.
 */
export class ConnectorHub {
  private readonly all = new Set<HubListener>();
  private readonly byConnector = new Map<string, Set<HubListener>>();
  private readonly cursors = new Map<string, ConnectorCursor>();
  private readonly outbox: { event: LiveEvent; targets: HubListener[]; next: number }[] = [];
  private draining = false;
  private readonly source: AsyncIterableIterator<ConnectorEventMessage>;
  private readonly stopCatchUp: () => void;
  /** the highest seq seen, so that a catch-up after an outage reads only what may have been lost */
  private highWater: Promise<bigint>;

  constructor(
    private readonly bus: PubSub,
    private readonly trail: EventTrail,
    private readonly organizationId: string,
    private readonly onIdle: () => void,
  ) {
    this.source = bus.subscribe("connector-events", organizationId);
    this.highWater = trail.highWater(organizationId).catch(() => 0n);
    this.stopCatchUp = bus.onReconnect(() => void this.catchUp());
    void this.run();
  }

  get size(): number {
    return this.all.size + [...this.byConnector.values()].reduce((n, s) => n + s.size, 0);
  }

  /** Listens to every event of the organization, or to one connector's; returns the unlisten. */
  listen(listener: HubListener, connectorId?: string): () => void {
    const set = connectorId ? this.setFor(connectorId) : this.all;
    set.add(listener);
    return () => {
      set.delete(listener);
      if (connectorId && set.size === 0) this.byConnector.delete(connectorId);
      if (this.all.size === 0 && this.byConnector.size === 0) this.stop();
    };
  }

  private setFor(connectorId: string): Set<HubListener> {
    let set = this.byConnector.get(connectorId);
    if (!set) this.byConnector.set(connectorId, (set = new Set()));
    return set;
  }

  private async run(): Promise<void> {
    try {
      for await (const m of this.source) this.receive(m);
    } catch (err) {
      this.bus.logger?.error({ err, organizationId: this.organizationId }, "connector event subscription failed");
    }
    // the source ends when the bus closes (or when this hub went idle: then nobody is left)
    for (const l of [...this.all, ...[...this.byConnector.values()].flatMap((s) => [...s])]) l.end();
    this.stop();
  }

  private stop(): void {
    this.onIdle();
    this.stopCatchUp();
    void this.source.return?.();
  }

  private receive(m: ConnectorEventMessage): void {
    const seq = BigInt(m.seq);
    this.highWater = this.highWater.then((h) => (seq > h ? seq : h));
    const cursor = this.cursors.get(m.connectorId);
    if (!cursor) {
      this.cursors.set(m.connectorId, { seq, version: m.version, held: null });
      return this.deliver(m);
    }
    if (cursor.held) return void cursor.held.push(m);
    if (seq <= cursor.seq) return; // already delivered (a late duplicate, or read during a gap)
    if (m.version > cursor.version + 1) {
      cursor.held = [m];
      return void this.fillGap(m.connectorId, cursor);
    }
    cursor.seq = seq;
    cursor.version = m.version;
    this.deliver(m);
  }

  private async fillGap(connectorId: string, cursor: ConnectorCursor): Promise<void> {
    try {
      const missing = await this.trail.after({ connectorId }, cursor.seq, 1_000);
      for (const row of missing) this.advance(cursor, toMessage(row));
    } catch (err) {
      this.bus.logger?.error({ err, connectorId }, "reading missed connector events failed; delivering what arrived");
    }
    const held = (cursor.held ?? []).sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1));
    cursor.held = null;
    for (const m of held) this.receive(m);
  }

  private advance(cursor: ConnectorCursor, m: ConnectorEventMessage): void {
    const seq = BigInt(m.seq);
    if (seq <= cursor.seq) return;
    cursor.seq = seq;
    cursor.version = m.version;
    this.deliver(m);
  }

  /** After an outage of the shared transport: whatever was committed meanwhile, in seq order. */
  private async catchUp(): Promise<void> {
    try {
      const since = await this.highWater;
      const rows = await this.trail.after({ organizationId: this.organizationId }, since, 10_000);
      for (const row of rows) this.receive(toMessage(row));
    } catch (err) {
      this.bus.logger?.error({ err, organizationId: this.organizationId }, "catching up on connector events failed");
    }
  }

  /**
   * Hands the event to its listeners a slice at a time, yielding to the event loop between slices:
   * each slice's subscribers finish (execute, send) before the next starts, so the first ones are
   * served early and a mutation's own response does not wait behind thousands of subscribers.
   * Events queue behind each other, so every listener still sees them in order.
   */
  private deliver(m: ConnectorEventMessage): void {
    const targets = [...(this.byConnector.get(m.connectorId) ?? []), ...this.all];
    if (targets.length) this.outbox.push({ event: this.live(m), targets, next: 0 });
    if (!this.draining) this.drain();
  }

  private drain(): void {
    this.draining = true;
    let budget = SLICE;
    while (this.outbox.length && budget > 0) {
      const job = this.outbox[0];
      while (job.next < job.targets.length && budget-- > 0) job.targets[job.next++].event(job.event);
      if (job.next === job.targets.length) this.outbox.shift();
    }
    if (this.outbox.length) setImmediate(() => this.drain());
    else this.draining = false;
  }

  /** the event with its connector's load, made once here and shared by every subscriber */
  private live(m: ConnectorEventMessage): LiveEvent {
    let loaded: Promise<Connector | null> | null = null;
    return { row: fromMessage(m), connector: () => (loaded ??= this.trail.connector(m.connectorId)) };
  }
}
