import { DEFAULT_OIDC, type OidcConfig } from "./auth/oidc/config.js";
import { VIEWER_CACHE_MS } from "./auth/viewer-cache.js";
import type { HoldNewTools } from "./connectors/tool-sync.js";
import { type CostLimitConfig, DEFAULT_COST_LIMIT } from "./http/cost-limit.js";

/** OAuth clients configured by the operator per preset slug (OAUTH_CLIENTS). */
export type OAuthClients = Record<string, { clientId: string; clientSecret?: string }>;

/** How Plugboard talks to connectors' MCP servers, and how often it looks at them. */
export interface UpstreamConfig {
  /** EGRESS_ALLOWLIST: non-public hosts and ranges outbound requests may reach (src/egress) */
  egressAllowlist: string;
  /** MCP_TIMEOUT: the most one MCP step (initialize, a tools/list page, ping) may take */
  timeoutMs: number;
  /** HOLD_NEW_TOOLS: whether the first discovery's tools are held for review too */
  holdNewTools: HoldNewTools;
  /** HEALTH_FAILURES: consecutive failed checks before a CONNECTED connector goes to ERROR */
  healthFailures: number;
  /** HEALTH_INTERVAL: how often connectors and personal configurations are checked */
  healthIntervalMs: number;
  /** SYNC_INTERVAL: how often a CONNECTED connector with syncEnabled has its tools discovered again */
  syncIntervalMs: number;
  /** MCP_CALL_TIMEOUT: the most one forwarded call (tools/call, resources/read, …) may take */
  callTimeoutMs: number;
  /** MCP_MAX_RESPONSE: the most bytes one forwarded call's answer may stream from the server */
  maxResponseBytes: number;
}

/** What the MCP gateway (src/gateway) accepts from agents. */
export interface GatewayConfig {
  /** MCP_MAX_REQUEST: the largest request body an agent may POST, in bytes */
  maxRequestBytes: number;
  /** MCP_MAX_CONCURRENT_CALLS: calls one API key may have in flight at once, on this instance */
  maxConcurrentCalls: number;
  /** an agent's session unused this long is closed (it initializes again) */
  sessionIdleMs: number;
  /** MCP_MAX_SESSIONS: sessions one API key (or signed-in user) may hold open at once, on this instance */
  maxSessionsPerKey: number;
}

/** OpenTelemetry tracing: off unless an endpoint is set. */
export interface TracingConfig {
  /** OTEL_EXPORTER_OTLP_ENDPOINT: the OTLP/HTTP collector's base URL (spans go to /v1/traces) */
  endpoint?: string;
  /** OTEL_SERVICE_NAME: the spans' service.name */
  serviceName: string;
}

/** How webhooks are sent (src/webhooks). */
export interface WebhookConfig {
  /** WEBHOOK_TIMEOUT: the most one delivery attempt may take, answer included */
  timeoutMs: number;
  /** WEBHOOK_MAX_ATTEMPTS: attempts before a delivery is EXHAUSTED */
  maxAttempts: number;
  /** WEBHOOK_BACKOFF_BASE: the wait after the first failure; it doubles after each one, with jitter */
  backoffBaseMs: number;
  /** the longest wait between two attempts */
  backoffMaxMs: number;
  /** WEBHOOK_POLL_INTERVAL: how often the queue is looked at for due deliveries (new ones wake it at once on this instance) */
  pollIntervalMs: number;
}

/** The server's configuration as services see it: built once from the environment by the composition root. */
export interface ServerConfig {
  /** the URL people and providers reach this server at; otherwise each request's own origin */
  publicUrl?: string;
  /** origins that OAuth may send the browser back to, besides the server's own */
  allowedRedirectOrigins: string[];
  /** OAuth clients per preset slug, for presets whose connectors bring none */
  oauthClients: OAuthClients;
  /** schema introspection (INTROSPECTION): on unless false, without a key too (src/auth/introspection.ts) */
  introspection: boolean;
  /** CORS_ORIGINS: origins allowed to call /graphql from a browser (`*`: any, without credentials) */
  corsOrigins: string[];
  /** METRICS_TOKEN: the bearer token /metrics asks for; open when absent */
  metricsToken?: string;
  tracing: TracingConfig;
  upstream: UpstreamConfig;
  gateway: GatewayConfig;
  webhooks: WebhookConfig;
  /** sign-in with identity providers' tokens (OIDC_ISSUERS) */
  oidc: OidcConfig;
  /** how long a resolved API key or sign-in token is trusted without the database (src/auth/viewer-cache.ts) */
  viewerCacheMs: number;
  /** RATE_LIMIT_CAPACITY, RATE_LIMIT_RESTORE: query cost each API key or user may spend (src/http/cost-limit.ts) */
  costLimit: CostLimitConfig;
}

export const DEFAULT_UPSTREAM: UpstreamConfig = {
  egressAllowlist: "",
  timeoutMs: 10_000,
  holdNewTools: "after-first",
  healthFailures: 2,
  healthIntervalMs: 60_000,
  syncIntervalMs: 15 * 60_000,
  callTimeoutMs: 60_000,
  maxResponseBytes: 10 * 1024 * 1024,
};

export const DEFAULT_GATEWAY: GatewayConfig = {
  maxRequestBytes: 1024 * 1024,
  maxConcurrentCalls: 16,
  sessionIdleMs: 30 * 60_000,
  maxSessionsPerKey: 100,
};

export const DEFAULT_WEBHOOKS: WebhookConfig = {
  timeoutMs: 10_000,
  maxAttempts: 8,
  backoffBaseMs: 5_000,
  backoffMaxMs: 3_600_000,
  pollIntervalMs: 1_000,
};

/** What a composition root gives: the parts it sets, each section's defaults for the rest. */
export type ConfigInput = Partial<Omit<ServerConfig, "upstream" | "gateway" | "webhooks" | "oidc" | "tracing">> & {
  tracing?: Partial<TracingConfig>;
  upstream?: Partial<UpstreamConfig>;
  gateway?: Partial<GatewayConfig>;
  webhooks?: Partial<WebhookConfig>;
  oidc?: Partial<OidcConfig>;
};

export const defaultConfig = (given: ConfigInput = {}): ServerConfig => ({
  allowedRedirectOrigins: [],
  oauthClients: {},
  introspection: true,
  viewerCacheMs: VIEWER_CACHE_MS,
  costLimit: DEFAULT_COST_LIMIT,
  corsOrigins: [],
  ...given,
  tracing: { serviceName: "plugboard", ...given.tracing },
  upstream: { ...DEFAULT_UPSTREAM, ...given.upstream },
  gateway: { ...DEFAULT_GATEWAY, ...given.gateway },
  webhooks: { ...DEFAULT_WEBHOOKS, ...given.webhooks },
  oidc: { ...DEFAULT_OIDC, ...given.oidc },
});
