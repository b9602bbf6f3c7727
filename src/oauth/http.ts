import * as oauth from "oauth4webapi";
import type { Egress } from "../egress/egress.js";
import { EgressError, UNREACHABLE } from "../egress/errors.js";

const TIMEOUT_MS = 10_000;

/**
 * Options for every oauth4webapi request: it goes out through the egress policy (non-public
 * addresses refused unless allowlisted, redirects not followed). OAuth 2.1 requires HTTPS; plain
 * http is accepted only on loopback (a provider on the same machine, and the test servers).
 */
export function requestOptions(url: string | URL, egress: Pick<Egress, "fetch">, timeoutMs = TIMEOUT_MS) {
  return {
    signal: AbortSignal.timeout(timeoutMs),
    [oauth.customFetch]: egress.fetch,
    [oauth.allowInsecureRequests]: isLoopbackHttp(new URL(url)),
  };
}

export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
}

export interface OAuthFailure {
  /** a short machine code for the browser redirect (`error=`) */
  code: string;
  /** a sentence for statusReason and logs: never a token, code, verifier or secret */
  message: string;
}

const CODE = /^[a-z0-9_.-]{1,64}$/i;
const clip = (s: string) => (s.length > 200 ? `${s.slice(0, 200)}…` : s);

/** The egress's failure, thrown as it is or wrapped as a cause: the request got no answer. */
function isUnanswered(e: unknown): boolean {
  for (let depth = 0; depth < 5 && e instanceof Error; depth++) {
    if (e instanceof EgressError) return true;
    e = e.cause;
  }
  return false;
}

/**
 * What went wrong, told without anything secret (response bodies and causes are never echoed). A
 * request that got no answer is the egress's one sentence, never its debug detail (address, port,
 * cause): a caller must not tell an open port from a closed one, nor a refused address from a dead host.
 */
export function describeFailure(e: unknown): OAuthFailure {
  if (isUnanswered(e)) return { code: "unreachable", message: UNREACHABLE };
  if (e instanceof oauth.ResponseBodyError || e instanceof oauth.AuthorizationResponseError) {
    const code = CODE.test(e.error) ? e.error : "server_error";
    return { code, message: e.error_description ? `${code} (${clip(e.error_description)})` : code };
  }
  if (e instanceof oauth.WWWAuthenticateChallengeError) {
    return { code: "invalid_client", message: `the server answered HTTP ${e.status} with an authentication challenge` };
  }
  if (e instanceof oauth.OperationProcessingError) {
    // oauth4webapi's messages are fixed sentences about the response's shape
    return { code: "invalid_response", message: clip(e.message) };
  }
  if (e instanceof DOMException && (e.name === "TimeoutError" || e.name === "AbortError")) {
    return { code: "timeout", message: "the server did not answer in time" };
  }
  return { code: "server_error", message: "an unexpected error happened" };
}
