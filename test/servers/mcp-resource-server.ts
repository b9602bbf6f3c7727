import type { ServerResponse } from "node:http";
import { type McpTestServer, startMcp } from "./mcp-servers.js";

export interface TestMcpServer extends McpTestServer {
  /** "METHOD /path" of every request, in order */
  requests: string[];
}

/**
 * An MCP server that wants OAuth, as the MCP authorization spec describes it: a request without a
 * token it accepts gets 401 with `WWW-Authenticate: Bearer resource_metadata=…`, and the protected
 * resource metadata (RFC 9728) names the authorization server. `verify` says which tokens it accepts
 * (the authorization server's own, in the tests); without it, none.
 */
export async function startMcpServer(authorizationServer: string, verify: (token: string) => Promise<boolean> = async () => false): Promise<TestMcpServer> {
  const metadata = (res: ServerResponse, origin: string) =>
    res.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        resource: `${origin}/mcp`,
        authorization_servers: [authorizationServer],
        scopes_supported: ["mcp:tools"],
        bearer_methods_supported: ["header"],
      }),
    );
  const server = await startMcp({
    auth: { verify, resourceMetadata: "{origin}/.well-known/oauth-protected-resource/mcp" },
    routes: {
      "/.well-known/oauth-protected-resource/mcp": (_req, res, origin) => metadata(res, origin),
      "/.well-known/oauth-protected-resource": (_req, res, origin) => metadata(res, origin),
    },
  });
  return {
    ...server,
    get requests() {
      return server.seen.map((s) => `${s.method} ${s.path}`);
    },
  };
}
