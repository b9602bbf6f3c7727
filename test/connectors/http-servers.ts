import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll } from "vitest";

/** Tiny HTTP servers standing in for MCP servers that answer (with `status`) and for none at all. */
export async function answeringServer(status: number): Promise<string> {
  const server = createServer((_req, res) => res.writeHead(status, { "content-type": "application/json" }).end("{}"));
  const url = await listen(server);
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return url;
}

/** A URL where nothing listens: a port that was free a moment ago. */
export async function silentUrl(): Promise<string> {
  const server = createServer();
  const url = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return url;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}
