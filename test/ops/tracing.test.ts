import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { readEnv } from "../../src/env.js";
import { graphql } from "../gql/index.js";
import { graphqlClient, ok } from "../helpers/graphql.js";
import { createActor, startServer } from "../helpers/server.js";
import { readBody } from "../servers/read-body.js";

const OpsTraced = graphql(`
  query OpsTraced($id: ID!) { connector(id: $id) { id } }
`);

/** An OTLP/HTTP collector on loopback: what was POSTed to /v1/traces (OTLP JSON), as text. */
async function collector() {
  const bodies: string[] = [];
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    if (req.method === "POST" && req.url === "/v1/traces") bodies.push(JSON.stringify(body));
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, bodies };
}

type OtlpValue = { stringValue?: string };
type OtlpTraces = {
  resourceSpans: { resource: { attributes: { key: string; value: OtlpValue }[] }; scopeSpans: { spans: { name: string; attributes: { key: string; value: OtlpValue }[] }[] }[] }[];
};

describe("OpenTelemetry tracing", async () => {
  const receiver = await collector();
  const server = await startServer({ app: { config: { tracing: { endpoint: receiver.url, serviceName: "plugboard-test" } } } });

  it("sends a span named after each GraphQL operation to OTEL_EXPORTER_OTLP_ENDPOINT, without its variables", async () => {
    const { key } = await createActor();
    const secret = `conn_${randomUUID().replaceAll("-", "")}`;
    ok(await graphqlClient(server.url, key).run(OpsTraced, { id: secret }));
    await graphqlClient(server.url, key).raw(`query OpsTracedLiteral { connector(id: "${secret}") { id } }`);
    // stopping flushes the batch
    await server.stop();
    expect(receiver.bodies.length).toBeGreaterThan(0);
    const traces = receiver.bodies.map((b) => JSON.parse(b) as OtlpTraces);
    const spans = traces.flatMap((t) => t.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)));
    expect(spans.map((s) => s.name)).toEqual(expect.arrayContaining(["query.OpsTraced", "query.OpsTracedLiteral"]));
    const traced = spans.find((s) => s.name === "query.OpsTraced")!;
    expect(Object.fromEntries(traced.attributes.map((a) => [a.key, a.value.stringValue]))).toMatchObject({
      "graphql.execute.operationName": "OpsTraced",
      "graphql.execute.operationType": "query",
    });
    const service = traces[0].resourceSpans[0].resource.attributes.find((a) => a.key === "service.name");
    expect(service?.value.stringValue).toBe("plugboard-test");
    for (const body of receiver.bodies) {
      expect(body).not.toContain(secret);
      expect(body).not.toContain(key);
    }
  });

  it("reads OTEL_EXPORTER_OTLP_ENDPOINT and OTEL_SERVICE_NAME: off unless set, plugboard by default", () => {
    expect(readEnv({}).OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
    expect(readEnv({}).OTEL_SERVICE_NAME).toBe("plugboard");
    expect(readEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" }).OTEL_EXPORTER_OTLP_ENDPOINT).toBe("http://collector:4318");
    expect(() => readEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: "collector" })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
  });
});
