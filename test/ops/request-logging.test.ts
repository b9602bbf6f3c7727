import { randomUUID } from "node:crypto";
import { print } from "graphql";
import { createClient } from "graphql-ws";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { graphql } from "../gql/index.js";
import { prisma } from "../helpers/database.js";
import { createActor, startServer } from "../helpers/server.js";
import { closeAll, subscribeSse, wsUrl } from "../helpers/subscriptions.js";
import { accessLines, ERROR, INFO, linesOf } from "./logs.js";

const OpsViewerRole = graphql(`
  query OpsViewerRole { viewer { role } }
`);
const OpsMissingConnector = graphql(`
  subscription OpsMissingConnector($id: ID!) { connectorStateChanged(id: $id) { id } }
`);
const OpsPage = graphql(`
  query OpsPage($first: Int) { connectors(first: $first) { totalCount } }
`);
const OpsCreateWithSecret = graphql(`
  mutation OpsCreateWithSecret($input: CreateConnectorInput!) { createConnector(input: $input) { __typename } }
`);
const OpsPersonalConfigurations = graphql(`
  query OpsPersonalConfigurations { personalConfigurations(first: 1) { totalCount } }
`);

/** POST /graphql with an optional x-request-id; the response's id and body. */
async function post(url: string, key: string | null, query: string, variables?: Record<string, unknown>, requestId?: string) {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}), ...(requestId ? { "x-request-id": requestId } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { id: res.headers.get("x-request-id")!, status: res.status, body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } };
}

/** A graphql-ws client whose upgrade request carries `requestId`; resolves with the 101's id too. */
function wsWithRequestId(url: string, key: string, requestId: string) {
  let upgraded: (id: string | undefined) => void;
  const answered = new Promise<string | undefined>((resolve) => (upgraded = resolve));
  class Identified extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: { "x-request-id": requestId } });
      this.once("upgrade", (res) => upgraded(res.headers["x-request-id"] as string | undefined));
    }
  }
  const client = createClient({ url: wsUrl(url), webSocketImpl: Identified, connectionParams: { authorization: `Bearer ${key}` }, retryAttempts: 0, lazy: true });
  const run = (query: string, variables?: Record<string, unknown>) =>
    new Promise<{ errors?: unknown[] }>((resolve, reject) => {
      let last: { errors?: unknown[] } = {};
      client.subscribe({ query, variables }, { next: (r) => (last = r as never), error: (e) => (Array.isArray(e) ? resolve({ errors: e }) : reject(e)), complete: () => resolve(last) });
    });
  return { client, answered, run };
}

describe("request ids and logs", async () => {
  const server = await startServer();
  afterEach(closeAll);

  it("echoes a sane x-request-id, makes one when it is absent or not a plain token, and logs the request's lines with it", async () => {
    const { key } = await createActor();
    const given = `trace.${randomUUID()}:1`;
    const echoed = await post(server.url, key, print(OpsViewerRole), undefined, given);
    expect(echoed.id).toBe(given);
    const [line] = accessLines(server.logs, given);
    expect(line).toMatchObject({ level: INFO, operation: "OpsViewerRole", operationType: "query", transport: "http", outcome: "ok" });
    expect(typeof line.durationMs).toBe("number");

    const made = await post(server.url, key, print(OpsViewerRole));
    expect(made.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(accessLines(server.logs, made.id)).toHaveLength(1);
    for (const bad of ["has spaces in it", "x".repeat(129), "semi;colon", "naïve"]) {
      const res = await post(server.url, key, print(OpsViewerRole), undefined, bad);
      expect(res.id).not.toBe(bad);
      expect(res.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    // every route answers with one, not only GraphQL
    const health = await fetch(`${server.url}/healthz`, { headers: { "x-request-id": "probe-1" } });
    expect(health.headers.get("x-request-id")).toBe("probe-1");
  });

  it("writes one access line per operation on graphql-ws, with the upgrade request's id, and answers the upgrade with it", async () => {
    const { key } = await createActor();
    const id = `socket-${randomUUID()}`;
    const ws = wsWithRequestId(server.url, key, id);
    await ws.run(print(OpsViewerRole));
    const missing = await ws.run(print(OpsMissingConnector), { id: "conn_nope" });
    expect(JSON.stringify(missing.errors)).toMatch(/NOT_FOUND/);
    const invalid = await ws.run("query OpsInvalidOnWs { nope }");
    expect(invalid.errors).toHaveLength(1);
    expect(await ws.answered).toBe(id);
    await ws.client.dispose();
    const lines = accessLines(server.logs, id);
    expect(lines.map((l) => [l.operation, l.transport, l.outcome])).toEqual([
      ["OpsViewerRole", "ws", "ok"],
      ["OpsMissingConnector", "ws", "NOT_FOUND"],
      ["OpsInvalidOnWs", "ws", "GRAPHQL_VALIDATION_FAILED"],
    ]);
  });

  it("writes the access line of an SSE subscription when its stream ends", async () => {
    const { key } = await createActor();
    const id = `sse-${randomUUID()}`;
    const sse = subscribeSse(server.url, key, OpsMissingConnector, { id: "conn_nope" }, { "x-request-id": id });
    expect((await sse.result()).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    await expect.poll(() => accessLines(server.logs, id).length, { timeout: 10_000 }).toBe(1);
    expect(accessLines(server.logs, id)[0]).toMatchObject({ operation: "OpsMissingConnector", operationType: "subscription", transport: "sse", outcome: "NOT_FOUND" });
  });

  it("logs the client's own errors (validation, BAD_USER_INPUT, NOT_FOUND, UNAUTHENTICATED) at info without a stack", async () => {
    const { key } = await createActor();
    const requests = [
      await post(server.url, key, "query OpsNoSuchField { nope }"),
      await post(server.url, key, print(OpsPage), { first: 101 }),
      await post(server.url, null, print(OpsViewerRole)),
    ];
    const sse = subscribeSse(server.url, key, OpsMissingConnector, { id: "conn_nope" }, { "x-request-id": "sse-not-found" });
    await sse.result();
    await expect.poll(() => accessLines(server.logs, "sse-not-found").length, { timeout: 10_000 }).toBe(1);
    const outcomes = [...requests.map((r) => r.id), "sse-not-found"].map((id) => {
      const lines = linesOf(server.logs, id);
      expect(lines.every((l) => l.level <= INFO && !JSON.stringify(l).includes("stack")), JSON.stringify(lines)).toBe(true);
      return accessLines(server.logs, id).map((l) => l.outcome);
    });
    expect(outcomes).toEqual([["GRAPHQL_VALIDATION_FAILED"], ["BAD_USER_INPUT"], ["UNAUTHENTICATED"], ["NOT_FOUND"]]);
    // nothing at error level for any of them, with or without a request id
    expect(server.logs.join("\n")).not.toMatch(/"level":50/);
  });

  it("never logs variables or secrets", async () => {
    const { key } = await createActor();
    const secret = `secret-${randomUUID()}`;
    const input = { name: "Logged?", url: "https://mcp.example.test/mcp", clientSecret: secret };
    // a valid request, and one whose variables graphql-js refuses (its message would repeat them)
    for (const variables of [{ input }, { input: { ...input, nope: secret } }]) {
      const res = await post(server.url, key, print(OpsCreateWithSecret), variables);
      expect(accessLines(server.logs, res.id)).toHaveLength(1);
      expect(JSON.stringify(res.body)).not.toContain(secret);
    }
    expect(server.logs.join("\n")).not.toContain(secret);
    expect(server.logs.join("\n")).not.toContain(key);
  });

  // last: it breaks this file's own database for a moment
  it("logs an unexpected error at error level with its stack and the request's id, and masks it for the client", async () => {
    const { key } = await createActor();
    await prisma.$executeRawUnsafe('ALTER TABLE "PersonalConfiguration" RENAME TO "PersonalConfigurationAway"');
    let res;
    try {
      res = await post(server.url, key, print(OpsPersonalConfigurations), undefined, "breaks-1");
    } finally {
      await prisma.$executeRawUnsafe('ALTER TABLE "PersonalConfigurationAway" RENAME TO "PersonalConfiguration"');
    }
    expect(res.body.errors?.[0]).toMatchObject({ message: "Unexpected error.", extensions: { code: "INTERNAL_SERVER_ERROR" } });
    expect(JSON.stringify(res.body)).not.toMatch(/PersonalConfiguration"|prisma/i);
    const errors = linesOf(server.logs, "breaks-1").filter((l) => l.level === ERROR);
    expect(errors).toHaveLength(1);
    expect(errors[0].err?.stack).toMatch(/\n\s+at /);
    expect(accessLines(server.logs, "breaks-1")[0]).toMatchObject({ outcome: "INTERNAL_SERVER_ERROR" });
  });
});
