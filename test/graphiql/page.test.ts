import { gunzipSync } from "node:zlib";
import { createClient } from "graphql-ws";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { GRAPHIQL_ASSETS } from "../../src/http/graphiql-assets.js";
import { connectors } from "../connectors/api.js";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { closeAll, subscribeWs, wsUrl } from "../helpers/subscriptions.js";
import { StateChanged } from "../subscriptions/documents.js";

// The GraphiQL page and its files over plain HTTP; test/browser/graphiql.test.ts drives it in Chromium.
describe("GraphiQL page", async () => {
  const server = await startServer();
  const page = () => fetch(`${server.url}/graphql`, { headers: { accept: "text/html" } });
  afterEach(closeAll);

  it("answers a browser's GET with a page whose CSP allows only this server (and a per-response nonce)", async () => {
    const res = await page();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const csp = res.headers.get("content-security-policy")!;
    const directives = Object.fromEntries(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));
    const nonce = /'nonce-([^']+)'/.exec(directives["style-src-elem"])![1];
    expect(directives).toEqual({
      "default-src": "'none'",
      "script-src": "'self'",
      "style-src": "'self'",
      "style-src-elem": `'self' 'nonce-${nonce}'`,
      "style-src-attr": "'unsafe-inline'",
      "img-src": "'self' data:",
      "font-src": "'self' data:",
      "connect-src": "'self'",
      "worker-src": "'self'",
      "base-uri": "'none'",
      "form-action": "'none'",
      "frame-ancestors": "'none'",
    });
    expect(csp).not.toMatch(/https?:|unsafe-eval|script-src[^;]*unsafe-inline/);
    const html = await res.text();
    // every script and stylesheet is one of this server's files; no inline script runs
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(urls.every((u) => GRAPHIQL_ASSETS.includes(u))).toBe(true);
    expect(html).not.toMatch(/<script>|<script (?![^>]*(?:src=|type="application\/json"))/);
    expect(html).toContain(`nonce="${nonce}"`);
    // the welcome text says where the key goes; the Headers tab starts with the template
    expect(html).toContain("Your API key goes in the Headers tab below");
    expect(html).toContain(JSON.stringify('{"Authorization": "Bearer "}').slice(1, -1));
    const again = (await page()).headers.get("content-security-policy");
    expect(again).not.toBe(csp);
  });

  it("serves every asset from the installed packages, with its content type, ETag and gzip", async () => {
    const types: Record<string, string> = { js: "text/javascript; charset=utf-8", css: "text/css; charset=utf-8", ico: "image/x-icon" };
    for (const path of GRAPHIQL_ASSETS) {
      const res = await fetch(`${server.url}${path}`, { headers: { "accept-encoding": "identity" } });
      expect([path, res.status, res.headers.get("content-type")]).toEqual([path, 200, types[path.split(".").pop()!]]);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      const body = Buffer.from(await res.arrayBuffer());
      expect(body.length).toBeGreaterThan(1000);
      const etag = res.headers.get("etag")!;
      const cached = await fetch(`${server.url}${path}`, { headers: { "if-none-match": etag } });
      expect(cached.status).toBe(304);
    }
    // the 5 MB bundle travels compressed to a browser that accepts it
    const raw = await fetch(`${server.url}/graphiql/yoga-graphiql.js`, { headers: { "accept-encoding": "identity" } });
    const plain = Buffer.from(await raw.arrayBuffer());
    expect(plain.toString("utf8", 0, 200)).toContain("YogaGraphiQL");
    const { request } = await import("node:http");
    const gzipped = await new Promise<Buffer>((resolve, reject) => {
      request(`${server.url}/graphiql/yoga-graphiql.js`, { headers: { "accept-encoding": "gzip" } }, (res) => {
        expect(res.headers["content-encoding"]).toBe("gzip");
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c)).on("end", () => resolve(Buffer.concat(chunks)));
      })
        .on("error", reject)
        .end();
    });
    expect(gzipped.length).toBeLessThan(plain.length / 2);
    expect(gunzipSync(gzipped).equals(plain)).toBe(true);
    expect((await fetch(`${server.url}/graphiql/graphiql.css`, { method: "POST" })).status).toBe(405);
  });

  it("leaves GraphQL requests to GraphQL: a GET without text/html, a POST", async () => {
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent("{ __typename }")}`, { headers: { accept: "application/json" } });
    expect(await get.json()).toEqual({ data: { __typename: "Query" } });
  });

  it("refuses GraphiQL's empty template as no key (4401), and takes `Authorization` as well as `authorization`", async () => {
    const { alice } = await team();
    const c = await connectors(server.as(alice.key)).created({ presetSlug: "github" });
    const socket = (connectionParams: Record<string, string>) => {
      const client = createClient({ url: wsUrl(server.url), webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, onNonLazyError: () => {} });
      return subscribeWs(client, StateChanged, { id: c.id });
    };
    const empty = (await socket({ Authorization: "Bearer " }).error()) as { code: number; reason: string };
    expect([empty.code, empty.reason]).toEqual([4401, 'Unauthorized: send connectionParams {"Authorization": "Bearer <api key>"}']);
    const bad = (await socket({ Authorization: "Bearer pb_notakeynotakeynotakeynotakeynotakey" }).error()) as { code: number; reason: string };
    expect([bad.code, bad.reason]).toEqual([4403, "Forbidden: the API key is invalid or revoked"]);
    expect((await socket({ Authorization: `Bearer ${alice.key}` }).next()).connectorStateChanged.id).toBe(c.id);
  });
});
