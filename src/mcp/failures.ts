import { STATUS_CODES } from "node:http";
import { SseError } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPError } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import { EgressError, UNREACHABLE } from "../egress/errors.js";
import { Deadline } from "./deadline.js";

/**
 * Why talking to an MCP server failed, in three kinds a caller acts on: the credential was refused
 * (AUTH_FAILED), nothing answered (ERROR, retried), or something answered that is not a working MCP
 * server (ERROR). `message` is ours, never the server's text, and never holds a header value;
 * `debug` is a little more detail for a log line, equally free of secrets and of server text.
 */
export type McpFailure =
  | {
      kind: "unauthorized";
      status: 401 | 403;
      /** the WWW-Authenticate error code when it is a standard one (invalid_token, …), else the status name */
      reason: string;
      /** from WWW-Authenticate, for OAuth discovery (RFC 9728) and step-up */
      resourceMetadataUrl?: string;
      scope?: string;
      message: string;
      debug: string;
    }
  | { kind: "unreachable"; message: typeof UNREACHABLE; debug: string }
  | { kind: "protocol"; status?: number; message: string; debug: string };

export class McpFailureError extends Error {
  override readonly name = "McpFailureError";

  constructor(readonly failure: McpFailure) {
    super(failure.message);
  }
}

/** What the session saw on the wire, which the SDK's errors do not carry. */
export interface WireNotes {
  challenge?: { status: number; error?: string; resourceMetadataUrl?: string; scope?: string };
  /** the last request the egress gave up on */
  egress?: EgressError;
  /** the last message the transport could not read (an unparseable SSE event) */
  unreadable?: boolean;
}

// RFC 6750 §3.1 and RFC 9470: the codes worth repeating; any other text from the server is not
const BEARER_ERRORS = new Set(["invalid_request", "invalid_token", "insufficient_scope", "insufficient_user_authentication"]);

const unreachable = (debug: string): McpFailure => ({ kind: "unreachable", message: UNREACHABLE, debug });
const protocol = (message: string, debug: string, status?: number): McpFailure => ({ kind: "protocol", message, debug, ...(status ? { status } : {}) });

function unauthorized(status: 401 | 403, notes: WireNotes): McpFailure {
  const c = notes.challenge?.status === status ? notes.challenge : undefined;
  const reason = c?.error && BEARER_ERRORS.has(c.error) ? c.error : STATUS_CODES[status]!;
  return {
    kind: "unauthorized",
    status,
    reason,
    ...(c?.resourceMetadataUrl ? { resourceMetadataUrl: c.resourceMetadataUrl } : {}),
    ...(c?.scope && /^[\x21-\x7e ]{1,512}$/.test(c.scope) ? { scope: c.scope } : {}),
    message: `the server refused the credentials (HTTP ${status}: ${reason})`,
    debug: `HTTP ${status}`,
  };
}

/** A failed HTTP answer: the status is all we repeat (the body may echo what we sent). */
function byStatus(status: number, notes: WireNotes, detail: string): McpFailure {
  if (status === 401 || status === 403) return unauthorized(status, notes);
  if (status >= 300 && status < 400) return protocol(`the server redirects elsewhere (HTTP ${status}); redirects are not followed`, detail, status);
  if (status === 404) return protocol("the server has nothing at this address (HTTP 404)", detail, status);
  if (status >= 500) return protocol(`the server failed (HTTP ${status})`, detail, status);
  return protocol(`the server refused the MCP request (HTTP ${status})`, detail, status);
}

/** No answer in time: the server said nothing we could read, or nothing at all. */
function timedOut(notes: WireNotes, during: string, timeoutMs: number): McpFailure {
  if (notes.unreadable) return protocol("the server's answer is not valid MCP", `${during}: unreadable message, then no answer`);
  return unreachable(notes.egress?.debug ?? `no answer to ${during} within ${timeoutMs} ms`);
}

const contentType = (text: string) => /content type:?\s*([\w.+-]+\/[\w.+-]+)/i.exec(text)?.[1]?.toLowerCase() ?? "something else";

/** Turns whatever the SDK or the egress threw into an McpFailure. */
export function classify(error: unknown, notes: WireNotes, during: string, timeoutMs: number): McpFailure {
  if (error instanceof McpFailureError) return error.failure;
  if (error instanceof Deadline) return timedOut(notes, during, timeoutMs);
  if (error instanceof EgressError) return unreachable(error.debug);
  if (error instanceof StreamableHTTPError) {
    if (error.code === -1) return protocol(`the server answered with ${contentType(error.message)}, not MCP`, `${during}: unexpected content type`);
    return byStatus(error.code ?? 0, notes, `${during}: HTTP ${error.code}`);
  }
  if (error instanceof SseError) {
    if (error.code === undefined) return notes.egress ? unreachable(notes.egress.debug) : protocol("the server's event stream failed", `${during}: SSE error`);
    if (error.code === 200) return protocol("the server answered with something other than an event stream, not MCP", `${during}: SSE content type`);
    return byStatus(error.code, notes, `${during}: SSE HTTP ${error.code}`);
  }
  if (error instanceof McpError) {
    if (error.code === ErrorCode.RequestTimeout) return timedOut(notes, during, timeoutMs);
    if (error.code === ErrorCode.ConnectionClosed) return notes.egress ? unreachable(notes.egress.debug) : unreachable(`the connection closed during ${during}`);
    return protocol(`the server answered ${during} with an error (${error.code})`, `${during}: JSON-RPC error ${error.code}`);
  }
  const e = error as Error | undefined;
  // a plain fetch, not the egress's, failing before an answer
  if (e?.name === "TypeError" && e.message === "fetch failed") return unreachable(`${during}: fetch failed`);
  if (e?.name?.includes("ZodError") || e?.name === "SyntaxError") return protocol("the server's answer is not valid MCP", `${during}: ${e.name}`);
  if (e?.message?.startsWith("Server's protocol version is not supported")) {
    return protocol("the server speaks an MCP version this client does not", `${during}: unsupported protocol version`);
  }
  return protocol("the server's answer is not valid MCP", `${during}: ${e?.name ?? typeof error}`);
}

/** The secret parts of request headers: each value, its token after a scheme, a Basic password. */
export function secretsOf(headers: Record<string, string>): string[] {
  const found = new Set<string>();
  for (const value of Object.values(headers)) {
    found.add(value);
    const [scheme, rest] = value.split(/\s+/, 2);
    if (rest) found.add(rest);
    if (scheme?.toLowerCase() === "basic" && rest) for (const part of Buffer.from(rest, "base64").toString("utf8").split(":")) found.add(part);
  }
  return [...found].filter((s) => s.length >= 6);
}

/**
 * A safety net under classify: a failure's fields hold none of `secrets`, even where a server put
 * one into something classify repeats (a WWW-Authenticate scope, a content type).
 */
export function redact(failure: McpFailure, secrets: string[]): McpFailure {
  const clean = (v: unknown) => (typeof v === "string" ? secrets.reduce((text, secret) => text.split(secret).join("[redacted]"), v) : v);
  return Object.fromEntries(Object.entries(failure).map(([k, v]) => [k, clean(v)])) as McpFailure;
}

/** Any JSON value with every secret (as it is, or as JSON escapes it) replaced by "[redacted]". */
export function redactValue(value: unknown, secrets: string[]): unknown {
  if (value === undefined) return value;
  let text = JSON.stringify(value);
  for (const secret of secrets) for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1)])) text = text.split(form).join("[redacted]");
  return JSON.parse(text);
}

/**
 * How a forwarded call (tools/call, resources/*, prompts/*) ended without a result, when the
 * session itself is fine: the call's own limits, the agent's cancel, the server's JSON-RPC error
 * answer (its text cleared of the request's secrets), or a method the server does not offer.
 */
export type CallEnd =
  | { kind: "timeout" | "cancelled" | "too-large" | "unsupported"; message: string }
  | { kind: "rejected"; code: number; message: string };

export class CallEndError extends Error {
  override readonly name = "CallEndError";

  constructor(readonly end: CallEnd) {
    super(end.message);
  }
}

/**
 * The text of a server's JSON-RPC error, without the SDK's "MCP error <code>: " (twice when the
 * server is the SDK's too: its McpError's message has it already) and any secret, bounded.
 */
export function serverErrorText(error: McpError, secrets: string[]): string {
  const text = error.message.replace(/^(MCP error -?\d+: )+/, "").slice(0, 500);
  return secrets.reduce((t, secret) => t.split(secret).join("[redacted]"), text);
}
