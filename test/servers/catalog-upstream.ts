import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { isInitializeRequest, ListToolsRequestSchema, type Tool } from "@modelcontextprotocol/sdk/types.js";
import type { CatalogPreset } from "../../src/catalog/load.js";
import { readBody } from "./read-body.js";

/** A credential a test means to be refused: any header value holding this word gets a 401. */
export const REFUSED = "refused";

export interface CatalogUpstream {
  origin: string;
  /** the catalog with every preset's mcpUrl pointing here */
  presets: CatalogPreset[];
  /** where a shipped mcpUrl (or a URL filled from one) points in the test catalog */
  urlFor(shipped: string): string;
  /** JSON-RPC methods seen, per preset slug */
  calls: { slug: string; rpc?: string; authorization?: string }[];
  stop(): Promise<void>;
}

const asTool = (t: CatalogPreset["tools"][number]): Tool => ({
  name: t.name,
  title: t.label,
  description: t.description,
  inputSchema: (t.inputSchema as Tool["inputSchema"] | null | undefined) ?? { type: "object" },
  annotations: t.type === "READ" ? { readOnlyHint: true } : { readOnlyHint: false, destructiveHint: t.requiresConfirmation },
});

/**
 * One real MCP server (the SDK's) on loopback standing in for every catalog preset's server, so
 * that tests connect presets for real: /<slug>/<the shipped host and path> lists that preset's
 * catalog tools, accepts any credential (or none) but one holding REFUSED, which gets a 401.
 */
export async function startCatalogUpstream(shipped: CatalogPreset[]): Promise<CatalogUpstream> {
  const tools = new Map(shipped.map((p) => [p.slug, p.tools.map(asTool)]));
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  const calls: CatalogUpstream["calls"] = [];

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const slug = (req.url ?? "/").split("/")[1] ?? "";
    const body = req.method === "POST" ? await readBody(req) : undefined;
    const rpc = body && typeof body === "object" && "method" in body ? String(body.method) : undefined;
    calls.push({ slug, rpc, authorization: req.headers.authorization });
    if (!tools.has(slug)) return res.writeHead(404).end();
    const presented = Object.entries(req.headers).some(([name, v]) => name !== "host" && String(v).includes(REFUSED));
    if (presented) {
      return res.writeHead(401, { "www-authenticate": 'Bearer error="invalid_token"', "content-type": "application/json" }).end('{"error":"invalid_token"}');
    }
    const id = req.headers["mcp-session-id"];
    const session = typeof id === "string" ? sessions.get(id) : undefined;
    if (session) return session.handleRequest(req, res, body);
    if (id) return res.writeHead(404).end();
    if (req.method !== "POST" || !isInitializeRequest(body)) return res.writeHead(400).end();
    const server = new Server({ name: `stand-in for ${slug}`, version: "1.0.0" }, { capabilities: { tools: {} } });
    server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: tools.get(slug)! }));
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (sid) => void sessions.set(sid, transport),
    });
    transport.onclose = () => transport.sessionId && sessions.delete(transport.sessionId);
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  }

  const http = createServer((req, res) => void handle(req, res).catch(() => res.headersSent || res.writeHead(500).end()));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const bySlug = (url: string) =>
    shipped.find((p) => (p.mcpUrl.includes("{") ? sameTemplate(p.mcpUrl, url) : url.toLowerCase().startsWith(p.mcpUrl.toLowerCase().replace(/\/$/, ""))));
  const rewrite = (slug: string, url: string) => {
    const u = /^https?:\/\/(.*)$/.exec(url)![1];
    return `${origin}/${slug}/${u}`;
  };
  return {
    origin,
    presets: shipped.map((p) => ({ ...p, mcpUrl: rewrite(p.slug, p.mcpUrl) })),
    urlFor(url) {
      const preset = bySlug(url);
      if (!preset) throw new Error(`no preset serves ${url}`);
      return rewrite(preset.slug, url);
    },
    calls,
    async stop() {
      await Promise.all([...sessions.values()].map((t) => t.close().catch(() => {})));
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      });
    },
  };
}

/** Whether `url` is `template` with its {placeholders} filled (one host label or path segment each). */
function sameTemplate(template: string, url: string): boolean {
  const pattern = template.replace(/[.*+?^$()|[\]\\/]/g, "\\$&").replace(/\\?\{[A-Za-z_][A-Za-z0-9_]*\\?\}/g, "[^./]+");
  return new RegExp(`^${pattern}/?$`, "i").test(url);
}
