import { randomBytes } from "node:crypto";
import { request } from "node:http";
import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { wsUrl } from "../helpers/subscriptions.js";
import { createActor, startServer } from "../helpers/server.js";

// Issue 12, classes 1 and 2: a client's mistake is a 4xx with a code, and the answer repeats nothing
// of the request, least of all a secret in its body; nothing a client gets has a stack trace.

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request with exactly these headers (fetch would fix a bad Host itself). */
function raw(url: string, path: string, headers: Record<string, string>, method = "GET", body?: string): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method, headers, setHost: false }, (res) => {
      let text = "";
      res.on("data", (c) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const STACK = /\n\s+at |node_modules|TypeError|SyntaxError/;

describe("bad requests", async () => {
  const server = await startServer();
  const actor = await createActor();
  const auth = { authorization: `Bearer ${actor.key}`, host: new URL(server.url).host };
  const typename = `/graphql?query=${encodeURIComponent("{ __typename }")}`;

  it("answers a malformed Host header with 400 and no stack trace, on every path and on the WebSocket upgrade", async () => {
    for (const host of ["[bad", "a b", "exa mple.com:80", "host:notaport", "x/y", "\u00e9.example"]) {
      for (const path of [typename, "/healthz", "/mcp", "/nowhere"]) {
        const res = await raw(server.url, path, { ...auth, host: encodeURI(host) === host ? host : Buffer.from(host).toString("latin1") });
        expect([host, path, res.status]).toEqual([host, path, 400]);
        expect(res.body).not.toMatch(STACK);
      }
    }
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(wsUrl(server.url), "graphql-transport-ws", { headers: { host: "[bad" } });
      ws.on("unexpected-response", (_req, res) => resolve(res.statusCode!));
      ws.on("error", () => {});
    });
    expect(status).toBe(400);
    // and a good one still works, with or without a port
    for (const host of ["localhost", "localhost:4000", "127.0.0.1", "[::1]:8080", "plugboard.example.com"]) {
      expect((await raw(server.url, typename, { ...auth, host })).status).toBe(200);
    }
  });

  it("answers a GET whose variables or extensions are not JSON with 400 BAD_REQUEST naming the parameter", async () => {
    for (const name of ["variables", "extensions"]) {
      for (const value of ["{x", "[", "nul", '{"a":']) {
        const res = await raw(server.url, `${typename}&${name}=${encodeURIComponent(value)}`, auth);
        expect([name, value, res.status]).toEqual([name, value, 400]);
        const body = JSON.parse(res.body);
        expect(body.errors).toEqual([{ message: `The "${name}" query parameter is not valid JSON.`, extensions: { code: "BAD_REQUEST" } }]);
      }
    }
  });

  it("answers a body that is not JSON with 400 and only that, never the body (with its secrets) back", async () => {
    const secret = `sk-${randomBytes(12).toString("hex")}`;
    const bodies = [
      `{"query": "mutation { connectConnector(input: {id: \\"conn_x\\", apiKey: \\"${secret}\\"}) { __typename } }"`,
      `{"query": "{ __typename }", "variables": {"password": "${secret}"}}}`,
      `${secret}`,
      `{"query": "{ __typename }", "variables": {"token": "${secret}`,
    ];
    for (const accept of ["application/json", "application/graphql-response+json", "text/event-stream"]) {
      for (const body of bodies) {
        const res = await raw(server.url, "/graphql", { ...auth, "content-type": "application/json", accept }, "POST", body);
        expect([accept, res.status]).toEqual([accept, 400]);
        expect(res.body).not.toContain(secret);
        expect(res.body).not.toMatch(STACK);
        // an event stream carries the same error in its one `next` event
        const json = accept === "text/event-stream" ? /^data: (.*)$/m.exec(res.body)![1] : res.body;
        expect(JSON.parse(json).errors).toEqual([{ message: "POST body sent invalid JSON.", extensions: { code: "BAD_REQUEST" } }]);
      }
    }
    expect(server.logs.join("")).not.toContain(secret);
  });

  it("keeps yoga's other refusals as 4xx with a code and no cause", async () => {
    const res = await raw(server.url, "/graphql", { ...auth, "content-type": "application/json" }, "POST", '{"query": "{ __typename }", "variables": 7}');
    expect(res.status).toBe(400);
    const [error] = JSON.parse(res.body).errors;
    expect(error.extensions).toEqual({ code: "BAD_REQUEST" });
  });
});
