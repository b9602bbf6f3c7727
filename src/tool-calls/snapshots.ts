import type { Db } from "../db/client.js";
import { isIdOf } from "../db/ids.js";
import type { ConnectorHubs } from "../events/listen.js";
import type { PubSub } from "../events/pubsub.js";
import type { Connector, ConnectorTool } from "../generated/prisma/client.js";

/** A connector's row and its tools' rows, as the gateway decides a call on them. */
export interface ConnectorSnapshot {
  connector: Connector;
  tools: Map<string, ConnectorTool>;
}

/**
 * How long a snapshot answers calls without reading the database again. Every change to a
 * connector or its tools is an event, and an event drops the snapshot at once; the second bounds
 * the rare change that reaches this instance late (Redis down). An agent calling in a loop costs
 * two reads a second instead of two per call.
 */
const SNAPSHOT_MS = 1_000;
/**
 * A token this close to expiry is about to be refreshed (the scheduler's window is five minutes):
 * such a connector is read fresh on every call.
 */
const TOKEN_MARGIN_MS = 6 * 60_000;
const MAX_SNAPSHOTS = 1_000;

interface Entry {
  snapshot: Promise<ConnectorSnapshot | null>;
  until: number;
  unlisten: () => void;
}

export interface ConnectorSnapshots {
  /** by id, whoever may see it: the caller checks visibility on the row */
  byId(id: string): Promise<ConnectorSnapshot | null>;
  /** by handle in an organization (handles are unique per organization) */
  byHandle(organizationId: string, handle: string): Promise<ConnectorSnapshot | null>;
  close(): void;
}

export function createConnectorSnapshots({ db, hubs, pubsub }: { db: Db; hubs: ConnectorHubs; pubsub: PubSub }): ConnectorSnapshots {
  const entries = new Map<string, Entry & { connectorId?: string }>();
  const drop = (key: string) => {
    const e = entries.get(key);
    if (!e) return;
    entries.delete(key);
    e.unlisten();
  };
  // a refreshed token is written without an event, and every instance must present the new one
  const refreshed = pubsub.subscribe("connector-credentials", "all");
  void (async () => {
    for await (const { connectorId } of refreshed) {
      for (const [key, e] of entries) if (e.connectorId === connectorId) drop(key);
    }
  })().catch(() => {});

  async function read(where: { id: string } | { organizationId: string; handle: string }): Promise<ConnectorSnapshot | null> {
    const connector = await db.connector.findFirst({ where });
    if (!connector) return null;
    const tools = await db.connectorTool.findMany({ where: { connectorId: connector.id } });
    return { connector, tools: new Map(tools.map((t) => [t.name, t])) };
  }

  function cached(key: string, where: Parameters<typeof read>[0]): Promise<ConnectorSnapshot | null> {
    const now = Date.now();
    const hit = entries.get(key);
    if (hit && hit.until > now) return hit.snapshot;
    drop(key);
    const snapshot = read(where);
    const entry: Entry & { connectorId?: string } = { snapshot, until: now + SNAPSHOT_MS, unlisten: () => {} };
    entries.set(key, entry);
    if (entries.size > MAX_SNAPSHOTS) drop(entries.keys().next().value!);
    snapshot.then(
      (s) => {
        if (entries.get(key) !== entry) return;
        const expires = s?.connector.tokenExpiresAt?.getTime();
        if (!s || (expires !== undefined && expires - Date.now() < TOKEN_MARGIN_MS)) return drop(key);
        entry.connectorId = s.connector.id;
        // an event for the connector (any change, its tools', its credentials') drops it
        entry.unlisten = hubs.listen(s.connector.organizationId, { event: () => drop(key), end: () => drop(key) }, s.connector.id);
      },
      () => drop(key),
    );
    return snapshot;
  }

  return {
    byId: (id) => (isIdOf("conn", id) ? cached(`id:${id}`, { id }) : Promise.resolve(null)),
    byHandle: (organizationId, handle) => cached(`handle:${organizationId}:${handle}`, { organizationId, handle }),
    close() {
      void refreshed.return?.();
      for (const key of [...entries.keys()]) drop(key);
    },
  };
}
