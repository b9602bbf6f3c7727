import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Plugboard's GraphiQL page at GET /graphql (a browser asking for HTML). Everything it loads comes
 * from this server (src/http/graphiql-assets.ts), so the Content-Security-Policy allows only the
 * server's own origin. Scripts: files from 'self' alone, no inline script (the options travel in a
 * JSON data block, which is not executed), no eval. Styles, where the Monaco editor forces two
 * exceptions: it renders its lines as HTML with style attributes (`style-src-attr 'unsafe-inline'`;
 * no nonce or hash can cover attributes), and it creates <style> elements, which get this
 * response's nonce from plugboard.js. Neither can make a request: images and fonts are 'self' and
 * `data:` (GraphiQL's stylesheet embeds its icon font and icons that way, in the file itself).
 */
export function graphiqlCsp(nonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `style-src-elem 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    // 'self' covers the ws:/wss: of the same host too (CSP Level 3)
    "connect-src 'self'",
    "worker-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const HEADERS_TEMPLATE = '{"Authorization": "Bearer "}';

function welcome(introspection: boolean): string {
  const docs = introspection
    ? "# The schema is public: Docs and autocompletion work\n# before the key is set."
    : "# Introspection is off on this server (INTROSPECTION=false):\n# no Docs explorer, no autocompletion.";
  return `# Welcome to Plugboard.
#
# Your API key goes in the Headers tab below:
#   {"Authorization": "Bearer pb_…"}
# Queries and mutations send it as an HTTP header,
# subscriptions in the WebSocket's connectionParams.
#
${docs}
query Catalog {
  viewer { organization { name } role }
  connectorsWithStatus {
    slug name server { status connector { id name state } }
  }
}
`;
}

/** What plugboard.js needs: the endpoint, and the options it hands to YogaGraphiQL beside its fetcher. */
export function graphiqlOptions(options: { introspection: boolean }) {
  return {
    endpoint: "/graphql",
    graphiql: {
      title: "Plugboard",
      defaultQuery: welcome(options.introspection),
      defaultHeaders: HEADERS_TEMPLATE,
      defaultEditorToolsVisibility: "headers",
    },
  };
}

// a JSON data block must not be able to close its <script> element
const inScript = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

export function graphiqlHtml(options: { introspection: boolean }, nonce: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Plugboard GraphiQL</title>
    <link rel="icon" href="/graphiql/favicon.ico" />
    <link rel="stylesheet" href="/graphiql/graphiql.css" />
    <script type="application/json" id="graphiql-options">${inScript(graphiqlOptions(options))}</script>
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript.</noscript>
    <div id="root">Loading GraphiQL…</div>
    <script src="/graphiql/plugboard.js" nonce="${nonce}"></script>
    <script src="/graphiql/graphql-ws.js"></script>
    <script src="/graphiql/yoga-graphiql.js"></script>
  </body>
</html>
`;
}

type Route = (req: IncomingMessage, res: ServerResponse) => unknown;

/** GraphiQL for a browser's GET of the endpoint (what yoga's own page answers to); GraphQL otherwise. */
export function withGraphiQL(graphql: Route, options: { introspection: boolean }): Route {
  return (req, res) => {
    const wantsHtml = req.method === "GET" && String(req.headers.accept ?? "").includes("text/html");
    if (!wantsHtml) return graphql(req, res);
    const nonce = randomBytes(16).toString("base64");
    res.writeHead(200, {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": graphiqlCsp(nonce),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
    });
    res.end(graphiqlHtml(options, nonce));
  };
}
