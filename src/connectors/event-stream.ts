import { canSee, visibleConnectorsWhere, visibleEventsWhere } from "../auth/visibility.js";
import { checkFilter } from "../validation/filter-caps.js";
import type { Viewer } from "../auth/viewer.js";
import { setImmediate as turn } from "node:timers/promises";
import { isIdOf } from "../db/ids.js";
import { NotFoundError } from "../errors.js";
import { Channel, pull, SKIP } from "../events/channel.js";
import type { LiveEvent } from "../events/listen.js";
import { LIMITS, tooSlow } from "../events/limits.js";
import type { Connector, ConnectorEvent } from "../generated/prisma/client.js";
import type { Services } from "../services.js";
import { shareable } from "../events/shared-payload.js";
import { type ConnectorFilter, matchesConnectorFilter } from "./filter.js";

/** An event as a subscription delivers it: a live one brings the shared load of its connector along. */
export type DeliveredEvent = ConnectorEvent & { loadConnector?: () => Promise<Connector | null> };

export interface EventStreamOptions {
  viewer: Viewer;
  connectorId?: string | null;
  filter?: ConnectorFilter | null;
  /** an event id the client holds: replay every later one from the audit trail first */
  after?: string | null;
}

type Item = { row: ConnectorEvent; live?: LiveEvent } | { error: Error };

/**
 * A live event as subscriptions deliver it: one object per event and process, whoever receives it,
 * so that subscribers alike share its execution (src/transports/shared-subscription-results.ts).
 */
const deliveredOf = new WeakMap<LiveEvent, DeliveredEvent>();
function delivered(e: LiveEvent): DeliveredEvent {
  let d = deliveredOf.get(e);
  if (!d) deliveredOf.set(e, (d = shareable({ ...e.row, loadConnector: e.connector })));
  return d;
}

const PAGE = 500;

/**
 * connectorEvents: listen first (buffering), then replay the audit trail after `after`, then drain
 * the buffer. Per connector, seq order is commit order (its row lock serializes writers), so
 * skipping a connector's seq at or below the last one delivered leaves no gap and no duplicate.
 */
export async function connectorEventStream(services: Services, o: EventStreamOptions): Promise<AsyncIterableIterator<DeliveredEvent | Error>> {
  const { db } = services;
  checkFilter(o.filter);
  if (o.connectorId) await assertVisibleConnector(services, o);
  const afterSeq = o.after ? await eventSeq(services, o.viewer, o.after) : null;

  const lastSeq = afterSeq === null ? null : new Map<string, bigint>();
  const accept = (e: LiveEvent) => {
    if (!canSee(o.viewer, e.row) || !matchesEvent(e.row, o.filter)) return;
    if (lastSeq) {
      const last = lastSeq.get(e.row.connectorId);
      if (last !== undefined && e.row.seq <= last) return;
      lastSeq.set(e.row.connectorId, e.row.seq);
    }
    channel.push({ row: e.row, live: e });
  };
  let buffered: LiveEvent[] | null = afterSeq === null ? null : [];
  const channel = new Channel<Item>(LIMITS.queuedEventsPerSubscriber, () => ({ error: tooSlow() }), () => unlisten());
  const unlisten = services.connectorEvents.listen(
    o.viewer.organizationId,
    {
      event: (e) => {
        if (!buffered) return accept(e);
        buffered.push(e);
        if (buffered.length > LIMITS.queuedEventsPerSubscriber) {
          channel.push({ error: tooSlow() });
          channel.end();
        }
      },
      end: () => channel.end(),
    },
    o.connectorId ?? undefined,
  );

  if (afterSeq !== null) {
    replay(services, o, afterSeq, channel, lastSeq!)
      .then(() => {
        const live = buffered ?? [];
        buffered = null;
        for (const e of live) accept(e);
      })
      .catch((err) => {
        services.logger.error({ err }, "replaying connector events failed");
        channel.push({ error: err instanceof Error ? err : new Error(String(err)) });
        channel.end();
      });
  }

  return pull(
    channel,
    async (item) => {
      if ("error" in item) return item.error;
      if (needsConnector(o.filter) && item.live) {
        const c = await item.live.connector();
        // a deleted connector is known only by the event's own columns, which matched already
        if (c && !matchesConnectorFilter(c, connectorOnly(o.filter))) return SKIP;
      }
      return item.live ? delivered(item.live) : item.row;
    },
    (err) => (err instanceof Error ? err : new Error(String(err))),
  );
}

async function replay(services: Services, o: EventStreamOptions, afterSeq: bigint, channel: Channel<Item>, lastSeq: Map<string, bigint>) {
  const { db } = services;
  let cursor = afterSeq;
  for (;;) {
    const rows = await db.connectorEvent.findMany({
      where: {
        AND: [visibleEventsWhere(o.viewer), { seq: { gt: cursor } }, o.connectorId ? { connectorId: o.connectorId } : {}],
      },
      orderBy: { seq: "asc" },
      take: PAGE,
    });
    const connectors = needsConnector(o.filter)
      ? new Map(
          (await db.connector.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.connectorId))] } } })).map((c) => [c.id, c]),
        )
      : null;
    for (const row of rows) {
      cursor = row.seq;
      lastSeq.set(row.connectorId, row.seq);
      if (!matchesEvent(row, o.filter)) continue;
      const c = connectors?.get(row.connectorId);
      if (c && !matchesConnectorFilter(c, connectorOnly(o.filter))) continue;
      channel.push({ row });
    }
    if (rows.length < PAGE || channel.isClosed) return;
    await channel.room();
    // a long replay must not starve every other request on the instance
    await turn();
  }
}

/** The filter's scope and state apply to the event itself (a DELETED event: the state it left). */
function matchesEvent(row: ConnectorEvent, filter: ConnectorFilter | null | undefined): boolean {
  if (filter?.scope && filter.scope !== row.scope) return false;
  const state = row.state ?? row.previousState;
  if (filter?.state && (!state || !filter.state.includes(state))) return false;
  return true;
}

/** The rest of the filter is about the connector as it is now. */
const connectorOnly = (f: ConnectorFilter | null | undefined): ConnectorFilter => ({
  type: f?.type,
  search: f?.search,
  isActive: f?.isActive,
  metadata: f?.metadata,
});

const needsConnector = (f: ConnectorFilter | null | undefined) =>
  Boolean(f && (f.type || f.search || f.isActive != null || (f.metadata && Object.keys(f.metadata).length)));

async function assertVisibleConnector({ db }: Services, o: EventStreamOptions): Promise<void> {
  const id = o.connectorId!;
  if (isIdOf("conn", id)) {
    if (await db.connector.findFirst({ where: { id, ...visibleConnectorsWhere(o.viewer) }, select: { id: true } })) return;
    // a deleted connector's trail can still be replayed by whoever could see it
    const where = { AND: [{ connectorId: id }, visibleEventsWhere(o.viewer)] };
    if (o.after && (await db.connectorEvent.findFirst({ where, select: { id: true } }))) return;
  }
  throw new NotFoundError(id, "connector");
}

async function eventSeq({ db }: Services, viewer: Viewer, id: string): Promise<bigint> {
  const row = isIdOf("evt", id)
    ? await db.connectorEvent.findFirst({ where: { AND: [{ id }, visibleEventsWhere(viewer)] }, select: { seq: true } })
    : null;
  if (!row) throw new NotFoundError(id, "event");
  return row.seq;
}

/**
 * Whether connectorEvents with these arguments would deliver `row` to the viewer: the live path's
 * rules, for one event at a time (webhooks). The connector is loaded only when the filter needs it.
 */
export async function eventMatchesStream({ db }: Pick<Services, "db">, o: Omit<EventStreamOptions, "after">, row: ConnectorEvent): Promise<boolean> {
  if (!canSee(o.viewer, row) || (o.connectorId && row.connectorId !== o.connectorId) || !matchesEvent(row, o.filter)) return false;
  if (!needsConnector(o.filter)) return true;
  const c = await db.connector.findUnique({ where: { id: row.connectorId } });
  return !c || matchesConnectorFilter(c, connectorOnly(o.filter));
}
