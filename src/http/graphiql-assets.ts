import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { PROJECT_ROOT } from "../paths.js";

/**
 * GraphiQL's files, served by Plugboard from the installed packages so that the page needs nothing
 * from another origin (an offline machine, a strict Content-Security-Policy). The GraphiQL bundle,
 * its stylesheet and the three Monaco editor workers come from @graphql-yoga/render-graphiql (the
 * same build yoga's page loads from a CDN), the graphql-ws client from graphql-ws's browser build,
 * and Plugboard's own start-up script from public/graphiql/.
 */

type Bundle = typeof import("@graphql-yoga/render-graphiql/graphiql");
type Source = { type: string; load: () => Promise<Buffer> };

const JS = "text/javascript; charset=utf-8";
const require = createRequire(import.meta.url);
const file = (path: string) => () => readFile(path);
// the bundle is a 9 MB module: read on the first GraphiQL request, not at every start
let bundle: Promise<Bundle> | null = null;
const fromBundle = (pick: (b: Bundle) => string, decode = (s: string) => Buffer.from(s)) => async () =>
  decode(pick(await (bundle ??= import("@graphql-yoga/render-graphiql/graphiql"))));
// graphql-ws exports no path to its browser build; it sits beside dist/ in the package
const graphqlWsDir = dirname(dirname(require.resolve("graphql-ws")));
const fromDataUrl = (url: string) => Buffer.from(url.slice(url.indexOf(",") + 1), "base64");

const SOURCES: Record<string, Source> = {
  "/graphiql/graphiql.css": { type: "text/css; charset=utf-8", load: fromBundle((b) => b.css) },
  "/graphiql/yoga-graphiql.js": { type: JS, load: fromBundle((b) => b.js) },
  "/graphiql/editor.worker.js": { type: JS, load: fromBundle((b) => b.editorWorkerService) },
  "/graphiql/json.worker.js": { type: JS, load: fromBundle((b) => b.jsonWorker) },
  "/graphiql/graphql.worker.js": { type: JS, load: fromBundle((b) => b.graphqlWorker) },
  "/graphiql/favicon.ico": { type: "image/x-icon", load: fromBundle((b) => b.favicon, fromDataUrl) },
  "/graphiql/graphql-ws.js": { type: JS, load: file(join(graphqlWsDir, "umd", "graphql-ws.min.js")) },
  "/graphiql/plugboard.js": { type: JS, load: file(join(PROJECT_ROOT, "public", "graphiql", "plugboard.js")) },
};

/** Every asset path: the page links nothing else. */
export const GRAPHIQL_ASSETS = Object.keys(SOURCES);

interface Asset {
  type: string;
  body: Buffer;
  etag: string;
  gzipped?: Promise<Buffer>;
}

const assets = new Map<string, Promise<Asset>>();

function asset(path: string): Promise<Asset> {
  let found = assets.get(path);
  if (!found) {
    const source = SOURCES[path];
    found = (async () => {
      const body = await source.load();
      return { type: source.type, body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"` };
    })();
    found.catch(() => assets.delete(path)); // a failed read is tried again on the next request
    assets.set(path, found);
  }
  return found;
}

/** GET/HEAD of one asset: revalidated by ETag (a package upgrade shows at once), gzip when accepted. */
async function serve(path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { Allow: "GET, HEAD" }).end();
    return;
  }
  const a = await asset(path);
  const headers: Record<string, string> = {
    "Content-Type": a.type,
    "Cache-Control": "no-cache",
    ETag: a.etag,
    "X-Content-Type-Options": "nosniff",
    Vary: "Accept-Encoding",
  };
  if (req.headers["if-none-match"] === a.etag) {
    res.writeHead(304, headers).end();
    return;
  }
  let body = a.body;
  if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
    body = await (a.gzipped ??= promisify(gzip)(a.body));
    headers["Content-Encoding"] = "gzip";
  }
  res.writeHead(200, { ...headers, "Content-Length": String(body.length) });
  res.end(req.method === "HEAD" ? undefined : body);
}

/** The routes to add to the app's route table, one per asset. */
export function graphiqlAssetRoutes(): Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>> {
  return Object.fromEntries(GRAPHIQL_ASSETS.map((path) => [path, (req, res) => serve(path, req, res)]));
}
