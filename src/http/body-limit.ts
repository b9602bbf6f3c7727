import type { IncomingMessage, ServerResponse } from "node:http";

/** The largest GraphQL request body, as graphql-ws frames (LIMITS.maxMessageBytes): no operation comes near. */
export const MAX_GRAPHQL_BODY = 1024 * 1024;

type Route = (req: IncomingMessage, res: ServerResponse) => unknown;

const refuse = (res: ServerResponse, status: number, message: string, code: string) => {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", connection: "close" });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
};

/**
 * Refuses a body over the bound before anything reads it: by its Content-Length, and a body sent
 * without one (chunked) with 411, since its size is known only once it has been read. Browsers and
 * fetch send a Content-Length for the JSON bodies GraphQL clients make.
 */
export function withBodyLimit(route: Route, max = MAX_GRAPHQL_BODY): Route {
  return (req, res) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return route(req, res);
    const length = req.headers["content-length"];
    if (length === undefined) {
      if (req.headers["transfer-encoding"]) return refuse(res, 411, "Send the request with a Content-Length header", "LENGTH_REQUIRED");
      return route(req, res);
    }
    if (Number(length) > max) return refuse(res, 413, `The request body is larger than ${max} bytes`, "PAYLOAD_TOO_LARGE");
    return route(req, res);
  };
}
