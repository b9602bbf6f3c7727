import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

/**
 * Every request has an id: the caller's `x-request-id` when it is a plain token (a proxy's or a
 * client's, so that their logs and ours meet), otherwise one made here. It is sent back as
 * `x-request-id` and is on every log line of the request, graphql-ws operations taking their
 * upgrade request's.
 */
const SANE = /^[A-Za-z0-9._:-]{1,128}$/;

export const REQUEST_ID_HEADER = "x-request-id";

export function requestIdFrom(header: string | string[] | undefined | null): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && SANE.test(given) ? given : randomUUID();
}

// ids by request, as sse.ts keeps its event ids: the request object is what every layer sees
const ids = new WeakMap<IncomingMessage, string>();

/** The request's id, decided once (on the first call) from its header. */
export function requestIdOf(req: IncomingMessage): string {
  let id = ids.get(req);
  if (!id) ids.set(req, (id = requestIdFrom(req.headers[REQUEST_ID_HEADER])));
  return id;
}
