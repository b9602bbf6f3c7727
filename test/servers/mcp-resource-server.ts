import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface TestMcpServer {
  /** the MCP endpoint, e.g. http://127.0.0.1:1234/mcp */
  url: string;
  /** "METHOD /path" of every request, in order */
  requests: string[];
  stop(): Promise<void>;
}

/**
 * An MCP server that wants OAuth, as the MCP authorization spec describes it: an unauthenticated
 * request gets 401 with `WWW-Authenticate: Bearer resource_metadata=…`, and the protected resource
 * metadata (RFC 9728) names the authorization server.
 */
export async function startMcpServer(authorizationServer: string): Promise<TestMcpServer> {
  const requests: string[] = [];
  const http = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    requests.push(`${req.method} ${path}`);
    if (path === "/.well-known/oauth-protected-resource/mcp" || path === "/.well-known/oauth-protected-resource") {
      const body = JSON.stringify({
        resource: `${origin}/mcp`,
        authorization_servers: [authorizationServer],
        scopes_supported: ["mcp:tools"],
        bearer_methods_supported: ["header"],
      });
      res.writeHead(200, { "content-type": "application/json" }).end(body);
      return;
    }
    if (path === "/mcp") {
      req.resume();
      res
        .writeHead(401, {
          "www-authenticate": `Bearer error="invalid_token", resource_metadata="${origin}/.well-known/oauth-protected-resource/mcp"`,
          "content-type": "application/json",
        })
        .end(JSON.stringify({ error: "invalid_token" }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return {
    url: `${origin}/mcp`,
    requests,
    stop: () => new Promise<void>((resolve) => {
      http.close(() => resolve());
      http.closeAllConnections();
    }),
  };
}
