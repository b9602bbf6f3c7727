// The gateway bench's upstream: the SDK's own Streamable HTTP server with one echo tool, behind a
// bearer token (BENCH_TOKEN), in a process of its own.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { CallToolRequestSchema, isInitializeRequest, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { serve } from "../harness/child.js";

const token = process.env.BENCH_TOKEN!;
const sessions = new Map<string, StreamableHTTPServerTransport>();
const http = createServer(async (req, res) => {
  if (req.headers.authorization !== `Bearer ${token}`) return res.writeHead(401).end();
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : undefined;
  const id = req.headers["mcp-session-id"] as string | undefined;
  if (id) return sessions.get(id)?.handleRequest(req, res, body) ?? res.writeHead(404).end();
  if (!isInitializeRequest(body)) return res.writeHead(400).end();
  const server = new Server({ name: "bench-upstream", version: "1" }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: [{ name: "echo", inputSchema: { type: "object" }, annotations: { readOnlyHint: true } }] }));
  server.setRequestHandler(CallToolRequestSchema, (r) => ({ content: [{ type: "text", text: JSON.stringify(r.params.arguments ?? {}) }] }));
  const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
    sessionIdGenerator: () => randomUUID(),
    onsessioninitialized: (sid) => void sessions.set(sid, transport),
  });
  await server.connect(transport);
  await transport.handleRequest(req, res, body);
});
await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
serve({
  stop: async () => {
    http.closeAllConnections();
    await new Promise<void>((r) => http.close(() => r()));
    return {};
  },
});
process.send!({ type: "ready", url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp` });
