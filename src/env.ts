import { z } from "zod";
import { parseOidcIssuers } from "./auth/oidc/config.js";
import { parseHoldNewTools } from "./connectors/tool-sync.js";
import { DEFAULT_GATEWAY, DEFAULT_UPSTREAM, DEFAULT_WEBHOOKS } from "./config.js";
import { parseDuration } from "./durations.js";
import { DEFAULT_COST_LIMIT } from "./http/cost-limit.js";
import { parseAllowlist } from "./egress/allowlist.js";
import { parseMcpTimeout } from "./mcp/client.js";

/** A variable read by one of the modules' own parsers, whose message becomes the issue. */
const parsed = <T>(parse: (value: string | undefined) => T) =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      try {
        return parse(s);
      } catch (e) {
        ctx.addIssue({ code: "custom", message: (e as Error).message.replace(/^[A-Z_]+: /, "") });
        return z.NEVER;
      }
    });
const duration = (name: string, fallbackMs: number) =>
  parsed((v) => parseDuration(name, v, fallbackMs, { min: 1_000, max: 7 * 24 * 3_600_000 }));

/** A size in bytes from the environment: a whole number, or with a unit (64kb, 10mb). */
export function parseBytes(name: string, value: string | undefined, fallback: number, range: { min: number; max: number }): number {
  if (value === undefined || value.trim() === "") return fallback;
  const m = /^\s*(\d+)\s*(b|kb|mb)?\s*$/i.exec(value);
  const n = m ? Number(m[1]) * { b: 1, kb: 1024, mb: 1024 * 1024 }[(m[2] ?? "b").toLowerCase() as "b"] : NaN;
  if (!Number.isSafeInteger(n) || n < range.min || n > range.max) {
    throw new Error(`${name}: "${value}" is not a size between ${range.min} and ${range.max} bytes (write e.g. 65536, 64kb or 10mb)`);
  }
  return n;
}
const bytes = (name: string, fallback: number) => parsed((v) => parseBytes(name, v, fallback, { min: 1024, max: 1024 * 1024 * 1024 }));

const csv = z
  .string()
  .optional()
  .transform((s) => (s ?? "").split(",").map((x) => x.trim()).filter(Boolean));

/** CORS_ORIGINS: exact origins (scheme, host, port), or `*` for any origin without credentials. */
export function parseCorsOrigins(value: string | undefined): string[] {
  const origins = (value ?? "").split(",").map((x) => x.trim()).filter(Boolean);
  for (const o of origins) {
    let origin: string | null = null;
    try {
      origin = new URL(o).origin;
    } catch {
      origin = null;
    }
    if (o !== "*" && origin !== o.replace(/\/+$/, "")) throw new Error(`CORS_ORIGINS: "${o}" is not an origin (write e.g. https://app.example.com, without a path) or *`);
  }
  return origins;
}

/** OAUTH_CLIENTS: {"<preset slug>": {"clientId": "…", "clientSecret": "…"}} as JSON */
const oauthClients = z
  .string()
  .optional()
  .transform((s, ctx) => {
    try {
      return s ? (JSON.parse(s) as unknown) : {};
    } catch {
      ctx.addIssue({ code: "custom", message: "must be JSON" });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string(), z.object({ clientId: z.string().min(1), clientSecret: z.string().min(1).optional() })));

const schema = z.object({
  NODE_ENV: z.string().default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default("127.0.0.1"),
  /** the URL people and OAuth providers reach this server at (redirect URIs are built from it) */
  PUBLIC_URL: z.string().url().optional(),
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default("./data"),
  REDIS_URL: z.string().optional(),
  BOOTSTRAP_API_KEY: z.string().min(32, "BOOTSTRAP_API_KEY must be at least 32 characters").optional(),
  ENCRYPTION_KEYS: z.string().optional(),
  ALLOWED_REDIRECT_ORIGINS: csv,
  OAUTH_CLIENTS: oauthClients,
  /** identity providers whose JWTs sign people in, as a JSON array (src/auth/oidc/config.ts) */
  OIDC_ISSUERS: parsed(parseOidcIssuers),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  CATALOG_PATH: z.string().optional(),
  /** schema introspection (GraphiQL's docs and autocompletion); public unless turned off */
  INTROSPECTION: z.stringbool().default(true),
  RATE_LIMIT_CAPACITY: z.coerce.number().int().min(0).max(100_000_000).default(DEFAULT_COST_LIMIT.capacity),
  RATE_LIMIT_RESTORE: z.coerce.number().int().min(1).max(100_000_000).default(DEFAULT_COST_LIMIT.restorePerSecond),
  /** origins whose pages may call /graphql from a browser; none by default (src/http/cors.ts) */
  CORS_ORIGINS: parsed(parseCorsOrigins),
  /** when set, /metrics answers only `Authorization: Bearer <METRICS_TOKEN>` */
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  /** OpenTelemetry: spans of GraphQL operations go to <this>/v1/traces (OTLP over HTTP) when set */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  OTEL_SERVICE_NAME: z.string().min(1).default("plugboard"),
  /** non-public hosts and ranges connectors may reach, e.g. 127.0.0.1 for a local MCP server */
  EGRESS_ALLOWLIST: parsed((v) => (parseAllowlist(v), v ?? "")),
  MCP_TIMEOUT: parsed(parseMcpTimeout),
  HOLD_NEW_TOOLS: parsed(parseHoldNewTools),
  HEALTH_FAILURES: z.coerce.number().int().min(1).max(100).default(2),
  HEALTH_INTERVAL: duration("HEALTH_INTERVAL", 60_000),
  SYNC_INTERVAL: duration("SYNC_INTERVAL", 15 * 60_000),
  /** the most one tool call (or resources/prompts request) through the gateway may take */
  MCP_CALL_TIMEOUT: parsed((v) => parseDuration("MCP_CALL_TIMEOUT", v, DEFAULT_UPSTREAM.callTimeoutMs, { min: 1, max: 3_600_000 })),
  /** the most bytes one forwarded call's answer may stream from the connector's server */
  MCP_MAX_RESPONSE: bytes("MCP_MAX_RESPONSE", DEFAULT_UPSTREAM.maxResponseBytes),
  /** the largest request body an agent may send to the gateway */
  MCP_MAX_REQUEST: bytes("MCP_MAX_REQUEST", DEFAULT_GATEWAY.maxRequestBytes),
  /** tool calls one API key may have in flight at once (per server instance) */
  MCP_MAX_CONCURRENT_CALLS: z.coerce.number().int().min(1).max(10_000).default(DEFAULT_GATEWAY.maxConcurrentCalls),
  MCP_MAX_SESSIONS: z.coerce.number().int().min(1).max(100_000).default(DEFAULT_GATEWAY.maxSessionsPerKey),
  /** the most one webhook delivery attempt may take */
  WEBHOOK_TIMEOUT: parsed((v) => parseDuration("WEBHOOK_TIMEOUT", v, DEFAULT_WEBHOOKS.timeoutMs, { min: 100, max: 300_000 })),
  /** attempts of one delivery before it is EXHAUSTED */
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(DEFAULT_WEBHOOKS.maxAttempts),
  /** the wait after a delivery's first failure, doubled after each one (with jitter) up to an hour */
  WEBHOOK_BACKOFF_BASE: parsed((v) => parseDuration("WEBHOOK_BACKOFF_BASE", v, DEFAULT_WEBHOOKS.backoffBaseMs, { min: 1, max: 3_600_000 })),
  /** how often the delivery queue is looked at (deliveries made on this instance wake it at once) */
  WEBHOOK_POLL_INTERVAL: parsed((v) => parseDuration("WEBHOOK_POLL_INTERVAL", v, DEFAULT_WEBHOOKS.pollIntervalMs, { min: 10, max: 600_000 })),
});

export type Env = z.infer<typeof schema>;

/** Configuration, parsed and validated once; a bad value stops the start with a plain message. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
