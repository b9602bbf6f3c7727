import { extractWWWAuthenticateParams } from "@modelcontextprotocol/sdk/client/auth.js";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { EgressError } from "../egress/errors.js";
import { within } from "./deadline.js";
import { classify, type McpFailure, McpFailureError, redact, secretsOf, type WireNotes } from "./failures.js";
import { limitResponse } from "./response-limit.js";

export type TransportKind = "streamable-http" | "sse";

export interface ConnectOptions {
  url: string;
  /** computed by the caller (credentials-headers.ts); sent on every request, never logged or repeated */
  headers?: Record<string, string>;
  /** the egress policy's fetch */
  fetch: typeof fetch;
  timeoutMs: number;
  clientInfo?: { name: string; version: string };
}

export interface Connection {
  client: Client;
  transport: Transport;
  kind: TransportKind;
  /** what went wrong, as an McpFailureError free of the request's secrets */
  failure(error: unknown, during: string): McpFailureError;
  /** the secret parts of the request's headers, for clearing a server's text of them */
  secrets: string[];
}

/**
 * The egress fetch, noting what the SDK's errors leave out (the auth challenge, the egress's cause),
 * and holding a forwarded call's answer to its size limit.
 */
function observing(fetchFn: typeof fetch, notes: WireNotes): typeof fetch {
  return async (input, init) => {
    try {
      const response = await fetchFn(input, init);
      if (response.status === 401 || response.status === 403) {
        const { error, resourceMetadataUrl, scope } = extractWWWAuthenticateParams(response);
        notes.challenge = { status: response.status, error, resourceMetadataUrl: resourceMetadataUrl?.href, scope };
      }
      return limitResponse(init?.method, response);
    } catch (e) {
      if (e instanceof EgressError) notes.egress = e;
      throw e;
    }
  };
}

function transportFor(kind: TransportKind, options: ConnectOptions, notes: WireNotes): Transport {
  const url = new URL(options.url);
  // redirect "manual" in requestInit keeps the SDK from following same-origin redirects of POSTs
  const opts = { fetch: observing(options.fetch, notes), requestInit: { headers: options.headers ?? {}, redirect: "manual" as const } };
  return kind === "sse" ? new SSEClientTransport(url, opts) : new StreamableHTTPClientTransport(url, opts);
}

async function attempt(kind: TransportKind, options: ConnectOptions): Promise<Connection> {
  const notes: WireNotes = {};
  const secrets = secretsOf(options.headers ?? {});
  const failure = (error: unknown, during: string) => new McpFailureError(redact(classify(error, notes, during, options.timeoutMs), secrets));
  const transport = transportFor(kind, options, notes);
  const client = new Client(options.clientInfo ?? { name: "plugboard", version: "0.1.0" }, { capabilities: {} });
  client.onerror = (e) => {
    // only what classification needs; the SDK's error texts may quote the server's body
    if (e.name.includes("ZodError") || e.name === "SyntaxError") notes.unreadable = true;
  };
  try {
    // the SSE transport waits for its endpoint event with no timeout of its own
    await within(client.connect(transport, { timeout: options.timeoutMs }), options.timeoutMs);
    return { client, transport, kind, failure, secrets };
  } catch (e) {
    await client.close().catch(() => {});
    await transport.close().catch(() => {});
    throw failure(e, "initialize");
  }
}

/** An HTTP 4xx to the Streamable HTTP POST, other than a refused credential: maybe an older server. */
const mayBeOlderServer = (f: McpFailure) => f.kind === "protocol" && f.status !== undefined && f.status >= 400 && f.status < 500;

/**
 * Connects and initializes: Streamable HTTP first, then, when the POST is refused with a 4xx, the
 * older HTTP+SSE transport at the same URL (as the MCP spec's backwards compatibility section and
 * the SDK's streamableHttpWithSseFallbackClient example do). Throws McpFailureError.
 */
export async function connect(options: ConnectOptions): Promise<Connection> {
  try {
    return await attempt("streamable-http", options);
  } catch (first) {
    const failure = (first as McpFailureError).failure;
    if (!mayBeOlderServer(failure)) throw first;
    try {
      return await attempt("sse", options);
    } catch (second) {
      // the first answer says more about a server that speaks neither, unless the second refused the credential
      throw (second as McpFailureError).failure.kind === "unauthorized" ? second : first;
    }
  }
}
