import { connectionOwner } from "../auth/viewer.js";
import { randomUUID } from "node:crypto";
import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import type { Viewer } from "../auth/viewer.js";
import { canSee } from "../auth/visibility.js";
import type { Services } from "../services.js";
import type { OpenStreams } from "../transports/open-streams.js";
import { type CallContext, type GatewayScope, gatewayServer, type SessionView } from "./server.js";

/** One agent's MCP session: its transport and server, bound to the key and the endpoint that made it. */
export interface GatewaySession {
  transport: StreamableHTTPServerTransport;
  /** the API key, or the signed-in user, that opened it */
  owner: string;
  /** the connector of /mcp/{id}, or null for /mcp */
  connectorId: string | null;
  usedAt: number;
}

/**
 * The open agent sessions of this instance. Each one listens to its organization's connector events
 * and tells its agent notifications/tools/list_changed when a connector it could list from changed
 * (state, flags, tools, visibility). Sessions unused for GatewayConfig.sessionIdleMs are closed.
 */
export class GatewaySessions {
  private readonly sessions = new Map<string, GatewaySession>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly services: Services,
    private readonly calls: CallContext,
    private readonly streams: OpenStreams,
  ) {
    const idleMs = services.config.gateway.sessionIdleMs;
    this.sweeper = setInterval(() => this.sweep(idleMs), Math.min(idleMs, 60_000));
    this.sweeper.unref();
  }

  /** The session `id`, if it was opened with this key on this endpoint; anything else is unknown. */
  find(id: string, viewer: Viewer, connectorId: string | null): GatewaySession | null {
    const s = this.sessions.get(id);
    if (!s || s.owner !== connectionOwner(viewer) || s.connectorId !== connectorId) return null;
    s.usedAt = Date.now();
    return s;
  }

  /** A new session's transport and server, connected; it is kept once initialize succeeds. */
  async open(viewer: Viewer, scope: GatewayScope): Promise<{ transport: StreamableHTTPServerTransport; server: Server }> {
    const connectorId = "connectorId" in scope ? scope.connectorId : null;
    const view: SessionView = { listed: new Set() };
    const server = gatewayServer(this.services, scope, this.calls, view);
    let unlisten = () => {};
    let unregister = () => {};
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        this.sessions.set(id, { transport, owner: connectionOwner(viewer), connectorId, usedAt: Date.now() });
        unlisten = this.watch(viewer, connectorId, view, () => void server.sendToolListChanged().catch(() => {}));
        // a revoked key's session ends, its open GET stream with it
        unregister = this.streams.add(viewer, () => void transport.close().catch(() => {}));
      },
    });
    transport.onclose = () => {
      unlisten();
      unregister();
      if (transport.sessionId) this.sessions.delete(transport.sessionId);
    };
    await server.connect(transport);
    return { transport, server };
  }

  /** list_changed for the connector's events, or for the organization's that this viewer may see or had listed. */
  private watch(viewer: Viewer, connectorId: string | null, view: SessionView, notify: () => void): () => void {
    let pending = false;
    const soon = () => {
      if (pending) return;
      pending = true; // a burst of events (a sync, a bulk change) is one notification
      setImmediate(() => {
        pending = false;
        notify();
      });
    };
    return this.services.connectorEvents.listen(
      viewer.organizationId,
      {
        event: (e) => {
          if (connectorId || canSee(viewer, e.row) || view.listed.has(e.row.connectorId)) soon();
        },
        end: () => {},
      },
      connectorId ?? undefined,
    );
  }

  get size(): number {
    return this.sessions.size;
  }

  /** sessions open with these credentials (API key, or signed-in user) */
  countOf(owner: string): number {
    let n = 0;
    for (const s of this.sessions.values()) if (s.owner === owner) n++;
    return n;
  }

  private sweep(idleMs: number): void {
    const oldest = Date.now() - idleMs;
    for (const s of [...this.sessions.values()]) if (s.usedAt < oldest) void s.transport.close();
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    const all = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.all(all.map((s) => s.transport.close().catch(() => {})));
  }
}
