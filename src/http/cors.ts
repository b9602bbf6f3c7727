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
