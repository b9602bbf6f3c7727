import type { IncomingMessage, ServerResponse } from "node:http";
import { ErrorCode } from "@modelcontextprotocol/sdk/types.js";

/** A JSON-RPC error as the whole HTTP answer (before any MCP session takes the request). */
export function sendRpcError(res: ServerResponse, status: number, code: number, message: string, headers: Record<string, string> = {}): void {
  const text = JSON.stringify({ jsonrpc: "2.0", error: { code, message }, id: null });
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

export class BodyTooLarge extends Error {}

/** The request body, parsed as JSON; BodyTooLarge past `max` bytes (the rest is not read), SyntaxError if not JSON. */
export async function readJsonBody(req: IncomingMessage, max: number): Promise<unknown> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > max) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

/** 413 / 400 for a body the gateway will not pass on; the connection closes (the rest is unread). */
export function refuseBody(res: ServerResponse, error: unknown, max: number): void {
  if (error instanceof BodyTooLarge) {
    sendRpcError(res, 413, ErrorCode.InvalidRequest, `Request body too large: at most ${max} bytes (MCP_MAX_REQUEST)`, { connection: "close" });
    return;
  }
  sendRpcError(res, 400, ErrorCode.ParseError, "Parse error: the request body is not JSON");
}
