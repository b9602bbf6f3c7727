import type { IncomingMessage, ServerResponse } from "node:http";
import { ErrorCode, isInitializeRequest } from "@modelcontextprotocol/sdk/types.js";
import { failureHeaders } from "../auth/failures.js";
import { resolveViewer } from "../auth/resolve-viewer.js";
import { connectionOwner } from "../auth/viewer.js";
import type { Viewer } from "../auth/viewer.js";
import { visibleConnector } from "../connectors/access.js";
import type { Services } from "../services.js";
import { CallSlots } from "../tool-calls/slots.js";
import { createConnectorSnapshots } from "../tool-calls/snapshots.js";
import { readJsonBody, refuseBody, sendRpcError } from "./http.js";
import { GatewaySessions } from "./sessions.js";
import type { OpenStreams } from "../transports/open-streams.js";

export interface Gateway {
  /** /mcp (connectorId null) and /mcp/{connectorId} */
  handle(req: IncomingMessage, res: ServerResponse, connectorId: string | null): Promise<void>;
  /** waits (at most `ms`) for the calls in flight to end */
  drain(ms: number): Promise<void>;
  /** closes every agent session (their streams end) */
  close(): Promise<void>;
  /** open sessions and calls in flight (tests, benchmark) */
  readonly stats: { sessions: number; calls: number };
}

const CHALLENGE = 'Bearer realm="plugboard"';

/**
 * The MCP gateway: Streamable HTTP endpoints where agents, with a Plugboard API key, use the tools
 * of the connectors that key may see, never holding their credentials. The key is checked on every
 * HTTP request; a session belongs to the key and the endpoint that opened it.
 */
export function createGateway(services: Services, { streams }: { streams: OpenStreams }): Gateway {
  const { gateway: limits } = services.config;
  const slots = new CallSlots(limits.maxConcurrentCalls);
  const snapshots = createConnectorSnapshots({ db: services.db, hubs: services.connectorEvents, pubsub: services.pubsub });
  const sessions = new GatewaySessions(services, { slots, snapshots }, streams);

  async function handle(req: IncomingMessage, res: ServerResponse, connectorId: string | null): Promise<void> {
    if (req.method !== "POST" && req.method !== "GET" && req.method !== "DELETE") {
      return sendRpcError(res, 405, ErrorCode.InvalidRequest, "Method not allowed", { allow: "GET, POST, DELETE" });
    }
    // an API key or an identity provider's token, as on every other transport
    const resolved = await resolveViewer(services, req.headers.authorization);
    if (!resolved.viewer) {
      const f = resolved.failure;
      const message = f.reason === "MISSING_CREDENTIALS" || f.reason === "INVALID_API_KEY" ? "Missing or invalid API key: send `Authorization: Bearer <Plugboard API key>` (or a sign-in token)" : f.message;
      // the realm names this gateway; the rest is what every transport answers (src/auth/failures.ts)
      const headers = f.status === 401 ? { "www-authenticate": f.reason === "MISSING_CREDENTIALS" ? CHALLENGE : `${CHALLENGE}, error="invalid_token"` } : failureHeaders(f);
      return sendRpcError(res, f.status, -32000, message, headers);
    }
    const viewer = resolved.viewer;
    let body: unknown;
    if (req.method === "POST") {
      try {
        body = await readJsonBody(req, limits.maxRequestBytes);
      } catch (e) {
        return refuseBody(res, e, limits.maxRequestBytes);
      }
    }
    // the handlers read the viewer of this very request from authInfo
    const request = Object.assign(req, { auth: { token: "", clientId: connectionOwner(viewer), scopes: [], extra: { viewer } } });
    const sessionId = req.headers["mcp-session-id"];
    if (typeof sessionId === "string") {
      const session = sessions.find(sessionId, viewer, connectorId);
      if (!session) return sendRpcError(res, 404, -32000, "Session not found: initialize a new one");
      return session.transport.handleRequest(request, res, body);
    }
    if (req.method !== "POST" || !isInitializeRequest(body)) {
      return sendRpcError(res, 400, ErrorCode.InvalidRequest, "Bad Request: no valid session ID provided (send initialize first)");
    }
    if (connectorId && !(await visibleConnector(services.db, viewer, connectorId))) {
      return sendRpcError(res, 404, ErrorCode.InvalidRequest, `No connector with id ${connectorId.slice(0, 100)}`);
    }
    await open(viewer, connectorId, request, res, body);
  }

  async function open(viewer: Viewer, connectorId: string | null, req: IncomingMessage, res: ServerResponse, body: unknown) {
    if (sessions.countOf(connectionOwner(viewer)) >= limits.maxSessionsPerKey) {
      const message = `Too many open sessions for this API key or user (at most ${limits.maxSessionsPerKey}): end one with DELETE, or wait until an idle one is closed`;
      return sendRpcError(res, 429, -32000, message);
    }
    const { transport, server } = await sessions.open(viewer, connectorId ? { connectorId } : { all: true });
    await transport.handleRequest(req, res, body);
    if (!transport.sessionId) await server.close(); // initialize was refused: nothing to keep
  }

  async function drain(ms: number): Promise<void> {
    const deadline = Date.now() + ms;
    while (slots.count() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  }

  return {
    handle,
    drain,
    close: async () => {
      await sessions.close();
      snapshots.close();
    },
    get stats() {
      return { sessions: sessions.size, calls: slots.count() };
    },
  };
}
