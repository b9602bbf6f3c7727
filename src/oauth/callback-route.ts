import type { IncomingMessage, ServerResponse } from "node:http";
import { type CallbackDeps, completeAuthorization } from "./callback.js";

/** Everything the callback answers is about one person's flow: never cached, never a Referer. */
const PRIVATE = {
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
};

/**
 * GET /oauth/callback?code&state: the browser comes back from the provider. It is sent on to the
 * redirectUrl given at connect time with `connector_id` and `status` (and `error`), or shown a small
 * page when there was none. An unknown state has no connector to report to: a plain 400 page.
 */
export function oauthCallbackRoute(deps: CallbackDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== "GET") {
      res.writeHead(405, { allow: "GET", ...PRIVATE }).end();
      return;
    }
    const params = new URL(req.url ?? "/", "http://callback").searchParams;
    const outcome = await completeAuthorization(params, deps);
    if (outcome.kind === "unknown") {
      return page(res, 400, "Authorization link not valid", "This authorization link is unknown or incomplete. Start connecting again from Plugboard.");
    }
    const { failure, redirectUrl, connectorId } = outcome;
    if (redirectUrl) {
      const to = new URL(redirectUrl);
      to.searchParams.set("connector_id", connectorId);
      to.searchParams.set("status", failure ? "error" : "connected");
      if (failure) to.searchParams.set("error", failure.code);
      res.writeHead(302, { location: to.toString(), ...PRIVATE }).end();
      return;
    }
    if (failure) return page(res, 200, "Authorization failed", `The connector could not be connected: ${failure.message}`);
    return page(res, 200, "Connected", "The connector is connected. You can close this window.");
  };
}

function page(res: ServerResponse, status: number, title: string, text: string): void {
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>${escape(title)} · Plugboard</title><body><h1>${escape(title)}</h1><p>${escape(text)}</p></body></html>`;
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "content-length": Buffer.byteLength(html),
    "content-security-policy": "default-src 'none'",
    ...PRIVATE,
  });
  res.end(html);
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
