import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { connectors } from "../connectors/api.js";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { wsUrl } from "../helpers/subscriptions.js";

/** Requests per run (BAD_INPUT_RUNS to change it); the issue asks for at least 10,000 in CI. */
const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 10_000);
const FRAMES = Math.max(200, Math.floor(RUNS / 20));
const CANARY = `cnry${randomBytes(10).toString("hex")}`;

const FIELDS = ["viewer", "connectors", "connector", "node", "nodes", "presets", "preset", "personalConfigurations", "availableTools", "createConnector", "updateConnector", "connectConnector", "deleteConnector", "apiKeys", "users", "webhooks", "createWebhook"];
const ID_LIKE = fc.oneof(
  fc.constantFrom("conn_", "pset_", "pconf_", "evt_", "call_", "key_", "user_", "hook_", "whd_", "org_").chain((p) => fc.string({ maxLength: 40 }).map((s) => p + s)),
  fc.string({ maxLength: 60 }),
  fc.constantFrom("", "\u0000", "\ud800", "conn_" + "0".repeat(500), "GPC:S:conn_x", Buffer.from("GPC:S:conn_x").toString("base64"), "%00", "../../etc/passwd"),
);
const JSONISH = fc.oneof(fc.jsonValue({ maxDepth: 6 }), fc.constant({ __proto__: { polluted: true } }), fc.constant({ constructor: { prototype: 1 } }), fc.string());
const DOCUMENT = fc.oneof(
  fc.constantFrom(...FIELDS).chain((f) => fc.tuple(fc.constant(f), ID_LIKE, fc.integer({ min: -5, max: 5_000 }))).map(([f, id, n]) => `{ ${f}(id: ${JSON.stringify(id)}, first: ${n}, ids: [${JSON.stringify(id)}]) { __typename } }`),
  fc.constantFrom(...FIELDS).map((f) => `query A { ...F } fragment F on Query { ...G ${f} } fragment G on Query { ...F }`),
  fc.constantFrom(...FIELDS).map((f) => `mutation { ${f}(input: { id: "${CANARY}", name: "\\u0000${CANARY}", url: "https://x.example/?token=${CANARY}" }) { __typename } }`),
  fc.string({ maxLength: 300 }),
  fc.stringMatching(/^[{}()[\]:@$!.a-z"\\ ]{0,200}$/),
  fc.constant(`{ ${"viewer { organization { ".repeat(30)}id${" } }".repeat(30)} }`),
);
const CONTENT_TYPE = fc.constantFrom("application/json", "application/graphql-response+json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=latin1", "", "application/json; charset=utf-8");
const BODY = fc.oneof(
  fc.record({ query: DOCUMENT, variables: fc.option(fc.oneof(fc.dictionary(fc.string({ maxLength: 10 }), JSONISH), JSONISH)), operationName: fc.option(fc.string({ maxLength: 20 })), extensions: fc.option(JSONISH) }).map((b) => JSON.stringify(b)),
  fc.array(fc.record({ query: DOCUMENT }), { maxLength: 5 }).map((b) => JSON.stringify(b)),
  fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes)),
  fc.string({ maxLength: 400 }).map((s) => `{"query": "${s}", "secret": "${CANARY}"`),
  fc.constant(Buffer.from([0x7b, 0x22, 0x71, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d])),
);
const REQUEST = fc.oneof(
  { weight: 4, arbitrary: fc.record({ method: fc.constant("POST" as const), contentType: CONTENT_TYPE, body: BODY, auth: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      method: fc.constant("GET" as const),
      query: DOCUMENT,
      variables: fc.oneof(fc.string({ maxLength: 50 }), JSONISH.map((v) => JSON.stringify(v))),
      extensions: fc.oneof(fc.string({ maxLength: 50 }), fc.constant('{"persistedQuery":{"sha256Hash":"x"}}')),
      auth: fc.boolean(),
    }),
  },
);
const FRAME = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.record({ type: fc.constantFrom("subscribe", "next", "complete", "ping", "pong", "connection_init", "error", "bogus"), id: fc.option(fc.string({ maxLength: 10 })), payload: fc.option(fc.oneof(fc.record({ query: DOCUMENT }), JSONISH)) }).map((v) => JSON.stringify(v)),
);

/** What no answer may hold: a stack, SQL or Prisma's text, a host:port, the canary. */
const LEAK = new RegExp(`\\n\\s+at |prisma|SELECT |INSERT |127\\.0\\.0\\.1:\\d|localhost:\\d|ECONNREFUSED|${CANARY}`, "i");

describe(`a bad-input run of ${RUNS.toLocaleString("en")} generated requests and ${FRAMES} graphql-ws frames`, async () => {
  const server = await startServer();
  const { alice } = await team();
  await connectors(server.as(alice.key)).created({ presetSlug: "github" });
  const unhandled: unknown[] = [];
  process.on("unhandledRejection", (e) => unhandled.push(e));

  it("answers no 5xx, nothing that leaks, and leaves no unhandled rejection", { timeout: 600_000 }, async () => {
    const samples = fc.sample(REQUEST, { numRuns: RUNS, seed: Number(process.env.BAD_INPUT_SEED ?? 20261202) });
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < samples.length) {
        const r = samples[next++];
        const headers: Record<string, string> = r.auth ? { authorization: `Bearer ${alice.key}` } : {};
        let res: Response;
        if (r.method === "GET") {
          const params = new URLSearchParams({ query: r.query, variables: r.variables, extensions: r.extensions });
          res = await fetch(`${server.url}/graphql?${params}`, { headers: { ...headers, accept: "application/graphql-response+json" } });
        } else {
          if (r.contentType) headers["content-type"] = r.contentType;
          res = await fetch(`${server.url}/graphql`, { method: "POST", headers, body: r.body });
        }
        const text = await res.text();
        if (res.status >= 500 || LEAK.test(text)) failures.push(`${res.status} ${JSON.stringify(r).slice(0, 300)} -> ${text.slice(0, 300)}`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(failures.slice(0, 5)).toEqual([]);
    expect(server.logs.filter((l) => l.includes(CANARY)).slice(0, 3)).toEqual([]);
    expect(unhandled).toEqual([]);
  });

  it("closes graphql-ws sockets sent malformed or out-of-order frames with protocol codes, never 4500 or 1011", { timeout: 300_000 }, async () => {
    const frames = fc.sample(fc.array(FRAME, { minLength: 1, maxLength: 4 }), { numRuns: FRAMES, seed: 7 });
    const codes = new Map<number, number>();
    for (const batch of frames) {
      const ws = new WebSocket(wsUrl(server.url), "graphql-transport-ws");
      await new Promise((r) => ws.once("open", r));
      const closed = new Promise<number>((r) => ws.once("close", (code) => r(code)));
      // half the sockets are initialised first, so frames arrive in and out of order
      if (Math.random() < 0.5) ws.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${alice.key}` } }));
      for (const f of batch) ws.send(f);
      const code = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(0), 300))]);
      if (!code) ws.close();
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    expect([...codes.keys()].filter((c) => c === 4500 || c === 1011)).toEqual([]);
    expect(unhandled).toEqual([]);
  });
});
