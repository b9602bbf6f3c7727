import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { graphql } from "../gql/index.js";
import { graphqlClient, ok } from "../helpers/graphql.js";
import { dataDir, spawnEntry, startMain } from "./processes.js";

const WhoAmI = graphql(`
  query OpsWhoAmI { viewer { role user { email } organization { slug } } }
`);
const ADMIN = { role: "ADMIN", user: { email: "admin@localhost" }, organization: { slug: "default" } };

describe("the server process", () => {
  it("bootstraps an admin key on first start only, serves probes, and exits 0 on SIGTERM", { timeout: 180_000 }, async () => {
    const DATA_DIR = await dataDir();
    const first = await startMain({ DATA_DIR });
    const keys = [...first.output().stdout.matchAll(/Admin API key: (pb_\S+)/g)].map((m) => m[1]);
    expect(keys).toHaveLength(1);
    const file = join(DATA_DIR, "admin-api-key");
    expect(await readFile(file, "utf8")).toBe(`${keys[0]}\n`);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(ok(await graphqlClient(first.url, keys[0]).run(WhoAmI)).viewer).toEqual(ADMIN);
    for (const [path, body] of [["/healthz", { status: "ok" }], ["/readyz", { status: "ready" }]] as const) {
      const res = await fetch(`${first.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type"), path).toMatch(/application\/json/);
      expect(await res.json(), path).toMatchObject(body);
    }
    expect(await first.stop()).toBe(0);

    const second = await startMain({ DATA_DIR });
    expect(second.output().stdout).not.toMatch(/Admin API key/);
    expect(ok(await graphqlClient(second.url, keys[0]).run(WhoAmI)).viewer).toEqual(ADMIN);
    expect(await readFile(file, "utf8")).toBe(`${keys[0]}\n`);
    expect(await second.stop()).toBe(0);
  });

  it("makes BOOTSTRAP_API_KEY the admin key, and never prints it", { timeout: 120_000 }, async () => {
    const BOOTSTRAP_API_KEY = `pb_chosen_by_the_operator_${"x".repeat(20)}`;
    const DATA_DIR = await dataDir({ seeded: true });
    const METRICS_TOKEN = "scraper-token-0123456789";
    const server = await startMain({ DATA_DIR, BOOTSTRAP_API_KEY, LOG_LEVEL: "info", METRICS_TOKEN, CORS_ORIGINS: "https://app.example.test", INTROSPECTION: "false" });
    const { stdout, stderr } = server.output();
    expect(stdout).toMatch(/Bootstrapped organization "default" with the admin key from BOOTSTRAP_API_KEY \(not printed\)/);
    expect(stdout + stderr).not.toContain(BOOTSTRAP_API_KEY);
    expect(stdout).not.toMatch(/Admin API key/);
    await expect(stat(join(DATA_DIR, "admin-api-key"))).rejects.toThrow(/ENOENT/);
    expect(ok(await graphqlClient(server.url, BOOTSTRAP_API_KEY).run(WhoAmI)).viewer).toEqual(ADMIN);

    // the operations settings reach the server from the environment
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const metrics = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(await metrics.text()).toMatch(/^plugboard_graphql_operations_total\{operation="OpsWhoAmI",type="query",transport="http"\} 1$/m);
    const cors = await fetch(`${server.url}/graphql`, { method: "OPTIONS", headers: { origin: "https://app.example.test", "access-control-request-method": "POST" } });
    expect(cors.headers.get("access-control-allow-origin")).toBe("https://app.example.test");
    const introspection = await graphqlClient(server.url, BOOTSTRAP_API_KEY).raw("{ __schema { queryType { name } } }");
    expect(introspection.errors?.[0]?.message).toMatch(/introspection has been disabled/);
    expect(await server.stop()).toBe(0);
    // one access line per operation, on stdout with the request's id
    expect(server.output().stdout).toMatch(/"requestId":"[^"]+".*"operation":"OpsWhoAmI".*"msg":"graphql operation"/);
  });

  it("refuses to start with a BOOTSTRAP_API_KEY shorter than 32 characters", { timeout: 60_000 }, async () => {
    const short = "pb_too_short_123";
    const proc = spawnEntry("main", [], { DATA_DIR: await dataDir({ seeded: true }), PORT: "0", BOOTSTRAP_API_KEY: short });
    expect(await proc.exited).not.toBe(0);
    const { stdout, stderr } = proc.output();
    expect(stderr).toMatch(/BOOTSTRAP_API_KEY must be at least 32 characters/);
    expect(stdout + stderr).not.toContain(short);
    expect(stdout).not.toMatch(/serving GraphQL/);
  });
});
