import type { IncomingMessage } from "node:http";

/** A request's JSON body as the test servers read it: undefined when empty or not JSON. */
export function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      try {
        resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : undefined);
      } catch {
        resolve(undefined);
      }
    });
  });
}
