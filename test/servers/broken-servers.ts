import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { SeenRequest } from "./mcp-servers.js";

/** Servers at an MCP URL that do not work as one. */
export interface BrokenServer {
  url: string;
  seen: SeenRequest[];
  /** TCP connections accepted */
  connections(): number;
  stop(): Promise<void>;
}

async function start(answer: (req: IncomingMessage, res: ServerResponse) => void): Promise<BrokenServer> {
  const seen: SeenRequest[] = [];
  let connections = 0;
  const http = createServer((req, res) => {
    seen.push({ method: req.method ?? "", path: (req.url ?? "/").split("?")[0], authorization: req.headers.authorization });
    answer(req, res);
  });
  http.on("connection", () => connections++);
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`,
    seen,
    connections: () => connections,
    stop: () =>
      new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      }),
  };
}

// The broken answers echo the credential they got, as careless servers do: a client that copied
// a body into an error message would leak it.
const echo = (req: IncomingMessage) => String(req.headers.authorization ?? req.headers["x-api-key"] ?? "");

/** Answers every request with `status` (500 by default), and `headers` (a redirect's location). */
export const startFailing = (status = 500, headers: Record<string, string> = {}) =>
  start((req, res) => res.writeHead(status, { "content-type": "text/plain", ...headers }).end(`upstream exploded for ${echo(req)}`));

/** Accepts the connection, reads the request and never answers. */
export const startHanging = () => start(() => {});

/** Answers 200 with something that is not MCP: a web page, JSON that is not JSON-RPC, or an event stream of neither. */
export const startNotMcp = (kind: "html" | "json" | "event-stream" = "html") =>
  start((req, res) => {
    req.resume();
    if (kind === "html") res.writeHead(200, { "content-type": "text/html" }).end(`<html><body>Welcome ${echo(req)}</body></html>`);
    else if (kind === "json") res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ hello: echo(req) }));
    else res.writeHead(200, { "content-type": "text/event-stream" }).write(`data: welcome ${echo(req)}\n\n`);
  });
