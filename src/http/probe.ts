import { hasPlaceholders } from "../validation/mcp-url.js";

/** How long a probe waits for a server to answer at all. */
export const PROBE_TIMEOUT_MS = 5_000;

export type ProbeResult = { reachable: true; status: number } | { reachable: false; message: string };

const CAUSES: Record<string, string> = {
  ECONNREFUSED: "the connection was refused",
  ENOTFOUND: "the host name does not resolve",
  EAI_AGAIN: "the host name could not be resolved",
  ECONNRESET: "the connection was reset",
  EHOSTUNREACH: "the host is unreachable",
  ENETUNREACH: "the network is unreachable",
  CERT_HAS_EXPIRED: "its TLS certificate has expired",
};

/**
 * A plain HTTP request to the server's URL: does anything answer there? This is not an MCP handshake
 * (the MCP client does that); it only tells "no server" from "a server". Messages name the host only,
 * because a URL's query may carry a token.
 */
export async function probe(url: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<ProbeResult> {
  if (hasPlaceholders(url)) {
    return { reachable: false, message: "The server URL is incomplete: set the configuration its {placeholders} come from" };
  }
  const host = new URL(url).host;
  try {
    const res = await fetch(url, {
      method: "GET",
      redirect: "manual",
      headers: { accept: "application/json, text/event-stream" },
      signal: AbortSignal.timeout(timeoutMs),
    });
    // only the status matters; an SSE endpoint would otherwise stream forever
    await res.body?.cancel().catch(() => {});
    if (res.status >= 500) return { reachable: false, message: `The server at ${host} failed (HTTP ${res.status})` };
    if (res.status === 404) return { reachable: false, message: `The server at ${host} has nothing at this path (HTTP 404)` };
    return { reachable: true, status: res.status };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    const why =
      err.name === "TimeoutError" || err.name === "AbortError"
        ? `it did not answer within ${Math.round(timeoutMs / 1000)} s`
        : (CAUSES[err.cause?.code ?? ""] ?? `the request failed (${err.cause?.code ?? err.name})`);
    return { reachable: false, message: `No server answered at ${host}: ${why}` };
  }
}
