/** The one thing a caller learns about a request that got no answer, whatever the cause. */
export const UNREACHABLE = "the server could not be reached";

/**
 * A request the egress policy refused, or that failed before an answer came (refused connection, DNS
 * failure, timeout, reset). The message is always UNREACHABLE, so that a caller cannot tell an open
 * port from a closed one, nor a refused address from a dead host. `debug` holds the real cause for a
 * log line the operator may choose to write; it never carries a header, a body or a URL's query.
 */
export class EgressError extends Error {
  override readonly name = "EgressError";

  constructor(readonly debug: string) {
    super(UNREACHABLE);
  }
}

/** Raised inside the connect-time lookup when no resolved address may be connected to. */
export class PolicyRefusal extends Error {
  readonly code = "EGRESS_REFUSED";
}

interface Cause {
  name?: string;
  code?: string;
  message?: string;
  cause?: unknown;
  address?: string;
  port?: number;
  hostname?: string;
}

/** The innermost cause of a failed fetch, as "refused by policy: …", "ECONNREFUSED 127.0.0.1:80", …. */
export function describeFailure(error: unknown, timeoutMs: number): string {
  let e = error as Cause | undefined;
  while (e && typeof e === "object" && e.cause && typeof e.cause === "object") e = e.cause as Cause;
  if (!e || typeof e !== "object") return String(error);
  if (e.code === "EGRESS_REFUSED") return `refused by policy: ${e.message}`;
  if (e.code === "UND_ERR_CONNECT_TIMEOUT") return `no connection within ${timeoutMs} ms`;
  if (e.code === "UND_ERR_HEADERS_TIMEOUT") return "no response headers in time";
  if (e.name === "TimeoutError") return "the caller's deadline passed";
  if (e.code === "ENOTFOUND" || e.code === "EAI_AGAIN") return `${e.code}: ${e.hostname ?? "the host"} does not resolve`;
  if (e.code) return [e.code, e.address && `${e.address}${e.port ? `:${e.port}` : ""}`].filter(Boolean).join(" ");
  return e.name ?? "unknown failure";
}
