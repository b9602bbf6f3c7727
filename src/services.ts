import type { OidcVerifier } from "./auth/oidc/verifier.js";
import type { Viewer } from "./auth/viewer.js";
import type { ViewerCache } from "./auth/viewer-cache.js";
import type { ServerConfig } from "./config.js";
import type { Secrets } from "./crypto/secrets.js";
import type { ListedTool } from "./connectors/tool-sync.js";
import type { Credentials } from "./connectors/credentials.js";
import type { Db } from "./db/client.js";
import type { LogMessage } from "./mcp/call-scope.js";
import type { Egress } from "./egress/egress.js";
import type { ChangeFeed } from "./events/change-feed.js";
import type { ConnectorHubs } from "./events/listen.js";
import type { PubSub } from "./events/pubsub.js";
import type { Connector, PersonalConfiguration } from "./generated/prisma/client.js";
import type { Logger } from "./logger.js";
import type { ToolCallLog } from "./tool-calls/log.js";
import type { Metrics } from "./observability/metrics.js";
import type { Tracing } from "./observability/tracing.js";

/**
 * What the connector lifecycle needs from OAuth. The domain layer calls it through this port, so that
 * src/connectors never imports src/oauth (which calls the domain layer to change connectors).
 */
export interface AuthorizationFlows {
  /** Starts the consent flow: AUTH_REQUIRED with a pending authorization (re-checked as `viewer` when given). */
  begin(input: { connector: Connector; redirectUrl: string | null; viewer: Viewer | null; origin: string }): Promise<Connector>;
  /** Revokes the connector's tokens at its provider; best effort, never throws. */
  revoke(connector: Connector): Promise<void>;
}

/**
 * Why talking to a connector's MCP server failed, in the kinds the lifecycle acts on. `message` is
 * safe to show and store: never a credential, never the server's own text.
 */
export type UpstreamFailure =
  | { kind: "unauthorized"; status: 401 | 403; message: string; resourceMetadataUrl?: string }
  /** an OAuth token the provider refused to refresh */
  | { kind: "token-expired"; message: string }
  | { kind: "unreachable"; message: string }
  | { kind: "protocol"; message: string }
  /** nothing was sent: the URL is incomplete, or a stored credential cannot be put in a header */
  | { kind: "unusable"; message: string };

export type UpstreamOutcome<T> = { ok: true; value: T } | { ok: false; failure: UpstreamFailure };

/**
 * How a call forwarded for an agent failed: the session's failures, or the call's own end — its
 * timeout, the agent's cancel, an answer past MCP_MAX_RESPONSE, a method the server does not offer,
 * or the server's JSON-RPC error (`message` its text, cleared of every credential sent).
 */
export type CallFailure =
  | UpstreamFailure
  | { kind: "timeout" | "cancelled" | "too-large" | "unsupported"; message: string }
  | { kind: "rejected"; code: number; message: string };

export type CallOutcome<T> = { ok: true; value: T } | { ok: false; failure: CallFailure };

/** What a forwarded call is given: the agent's cancel and a place for the server's progress. */
export interface CallOptions {
  signal?: AbortSignal;
  onProgress?: (progress: { progress: number; total?: number; message?: string }) => void;
  /** the server's notifications/message sent during the call, its data cleared of the credentials */
  onLog?: (message: LogMessage) => void;
  /** MCP_CALL_TIMEOUT unless given */
  timeoutMs?: number;
}

/** An MCP log message (notifications/message) as a server sent it. */
export type { LogMessage as ServerLogMessage } from "./mcp/call-scope.js";

/** The requests besides tools/call that pass through to a connector's server. */
export type PassThroughMethod = "resources/list" | "resources/templates/list" | "resources/read" | "prompts/list" | "prompts/get";

/** A result as the server gave it (CallToolResult, ReadResourceResult, …), passed on untouched. */
export type ServerResult = Record<string, unknown>;

/** Whose server, with which credentials: stored ones (refreshed when OAuth), or ones being tried. */
export type UpstreamSubject =
  | { connector: Connector; trying?: undefined }
  /** credentials not stored yet (connect, the OAuth callback): they are used as given, never refreshed */
  | { connector: Connector; trying: Credentials | null }
  | { personalConfiguration: PersonalConfiguration; url: string | null };

/** The MCP client as the domain sees it (implemented in src/mcp/upstream.ts). */
export interface McpUpstream {
  /** initialize, then tools/list through every page */
  listTools(subject: UpstreamSubject): Promise<UpstreamOutcome<ListedTool[]>>;
  /** initialize, then ping (or tools/list for a server without ping) */
  check(subject: UpstreamSubject): Promise<UpstreamOutcome<void>>;
  /**
   * tools/call on the connector's kept session with its stored credentials (an OAuth token due is
   * refreshed first; a 401 refreshes once and retries); progress and cancel travel both ways
   */
  callTool(subject: { connector: Connector }, name: string, args: Record<string, unknown> | undefined, options?: CallOptions): Promise<CallOutcome<ServerResult>>;
  /** resources/* and prompts/*, the same way; "unsupported" when the server offers none */
  passThrough(subject: { connector: Connector }, method: PassThroughMethod, params: Record<string, unknown> | undefined, options?: CallOptions): Promise<CallOutcome<ServerResult>>;
  /** closes the sessions kept open for a connector (disconnected, deleted) */
  forget(connectorId: string): void;
  /** closes every session kept open */
  close(): Promise<void>;
}

export interface CoreServices {
  db: Db;
  secrets: Secrets;
  pubsub: PubSub;
  logger: Logger;
  config: ServerConfig;
  /** the one way out to connectors' servers (MCP, OAuth, probes): src/egress */
  egress: Egress;
  /** what /metrics shows: the transports, the gateway and the schedulers count through it */
  metrics: Metrics;
}

/** What a composition root gives createServices (src/app.ts), which makes the rest. */
export type BaseServices = Omit<CoreServices, "metrics">;

/** Built once by the composition root (main.ts, or a test's server) and passed down; never a global. */
export interface Services extends CoreServices {
  /** verifies identity providers' sign-in tokens against their JWKS, kept per issuer */
  oidc: OidcVerifier;
  /** credentials resolved in the last second, forgotten on every instance when revoked */
  viewers: ViewerCache;
  authorization: AuthorizationFlows;
  upstream: McpUpstream;
  /** this app's fan-out of committed connector events to its subscribers */
  connectorEvents: ConnectorHubs;
  /** this app's fan-out of personal configuration changes */
  personalConfigurationChanges: ChangeFeed<PersonalConfiguration>;
  /** the gateway's ToolCall rows, written just after each call is answered */
  toolCalls: ToolCallLog;
  /** OpenTelemetry spans of GraphQL operations, when OTEL_EXPORTER_OTLP_ENDPOINT is set */
  tracing: Tracing | null;
}

type Makers = { [K in Exclude<keyof Services, keyof CoreServices>]: (services: Services) => Services[K] };

/** The ports are made from the very services they serve (OAuth changes connectors through them). */
export function assembleServices(core: CoreServices, make: Makers): Services {
  const services = { ...core } as Services;
  services.oidc = make.oidc(services);
  services.viewers = make.viewers(services);
  services.authorization = make.authorization(services);
  services.upstream = make.upstream(services);
  services.connectorEvents = make.connectorEvents(services);
  services.personalConfigurationChanges = make.personalConfigurationChanges(services);
  services.toolCalls = make.toolCalls(services);
  services.tracing = make.tracing(services);
  return services;
}
