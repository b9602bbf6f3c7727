/**
 * Whether a Host header names a host yoga can build the request's URL from: a DNS name or an IP
 * literal with an optional port. Anything else made the URL constructor throw inside the server
 * adapter, which answered 500 with the stack trace; such a request is the client's mistake.
 */
const HOST = /^(?:[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

export function isValidHost(host: string | undefined): boolean {
  if (host === undefined) return true; // HTTP/1.0: the adapter falls back to localhost
  if (!HOST.test(host)) return false;
  try {
    return new URL(`http://${host}/`).host !== "";
  } catch {
    return false;
  }
}
