import type { CORSOptions } from "graphql-yoga";

/**
 * CORS_ORIGINS: the origins whose pages may call /graphql from a browser, matched exactly, with the
 * credentials header (an API key in Authorization). `*` lets any origin in, but never with
 * credentials (yoga answers with the asking origin and Vary: Origin). Nothing listed: no cross-origin access at all; the server's own pages (GraphiQL)
 * are same-origin and need no CORS headers.
 */
export function corsPolicy(origins: readonly string[]): (request: Request) => CORSOptions {
  const listed = new Set(origins.filter((o) => o !== "*").map((o) => o.replace(/\/+$/, "")));
  const anyOrigin = origins.includes("*");
  const shared = { methods: ["GET", "POST"], allowedHeaders: ["authorization", "content-type", "accept", "x-request-id", "last-event-id"], exposedHeaders: ["x-request-id"], maxAge: 600 };
  return (request) => {
    const origin = request.headers.get("origin");
    if (!origin) return false;
    if (listed.has(origin)) return { ...shared, origin, credentials: true };
    if (anyOrigin) return { ...shared, origin: "*", credentials: false };
    return false;
  };
}

/**
 * Whether a WebSocket upgrade may go on. Browsers do not apply CORS to WebSockets, so a page of any
 * site could open a socket to this server in a visitor's browser: the Origin a browser sends must be
 * the server's own (publicUrl, or the Host it was reached at) or one of CORS_ORIGINS (`*`: any).
 * Clients that are not browsers send no Origin and are let in (they hold their own credentials).
 */
export function upgradeOriginAllowed(origins: readonly string[], origin: string | undefined, host: string | undefined, publicUrl?: string): boolean {
  if (!origin) return true;
  if (origins.includes("*")) return true;
  const given = origin.replace(/\/+$/, "");
  if (origins.some((o) => o.replace(/\/+$/, "") === given)) return true;
  if (publicUrl && new URL(publicUrl).origin === given) return true;
  try {
    return !!host && new URL(given).host === host;
  } catch {
    return false;
  }
}
