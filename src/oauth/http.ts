import * as oauth from "oauth4webapi";

const TIMEOUT_MS = 10_000;

/**
 * Options for every oauth4webapi request. OAuth 2.1 requires HTTPS; plain http is accepted only on
 * loopback (a provider on the same machine, and the test servers).
 */
export function requestOptions(url: string | URL, timeoutMs = TIMEOUT_MS) {
  return { signal: AbortSignal.timeout(timeoutMs), [oauth.allowInsecureRequests]: isLoopbackHttp(new URL(url)) };
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

/** What went wrong, told without anything secret (response bodies and causes are never echoed). */
export function describeFailure(e: unknown): OAuthFailure {
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
  if (e instanceof TypeError && e.message === "fetch failed") {
    return { code: "unreachable", message: "the server could not be reached" };
  }
  return { code: "server_error", message: "an unexpected error happened" };
}
