import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll } from "vitest";

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  /** the parsed body */
  json: { data?: unknown; errors?: unknown[] };
}

/** How the receiver answers its n-th request (from 0): a status, after the promise given settles. */
export type Answer = (n: number, request: Received) => number | Promise<number>;

export interface Receiver {
  url: string;
  received: Received[];
  /** what happened, in order: "start <webhook-id>" when a request arrives, "end <webhook-id> <status>" when answered */
  log: string[];
  /** resolves once `n` requests have been answered */
  answered(n: number): Promise<void>;
}

/** A real loopback webhook receiver (node:http), answering as `answer` says; 200 by default. */
export async function startReceiver(answer: Answer = () => 200): Promise<Receiver> {
  const received: Received[] = [];
  const log: string[] = [];
  const waiting: Array<{ n: number; resolve: () => void }> = [];
  let done = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const request: Received = { headers: req.headers, body, json: JSON.parse(body) };
      const n = received.push(request) - 1;
      const id = String(req.headers["webhook-id"]);
      log.push(`start ${id}`);
      const status = await answer(n, request);
      log.push(`end ${id} ${status}`);
      res.writeHead(status, { "content-type": "text/plain" }).end(`receiver's own text ${n}`);
      done++;
      for (const w of waiting.filter((w) => w.n <= done)) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    log,
    answered: (n) => (done >= n ? Promise.resolve() : new Promise((resolve) => waiting.push({ n, resolve }))),
  };
}
