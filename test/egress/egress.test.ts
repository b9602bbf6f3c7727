import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as oauth from "oauth4webapi";
import { afterAll, describe, expect, it } from "vitest";
import { createEgress, type Resolve } from "../../src/egress/egress.js";
import { EgressError, UNREACHABLE } from "../../src/egress/errors.js";

/** An HTTP server on loopback that counts the connections it accepted and the requests it got. */
async function countingServer(host = "127.0.0.1", handle?: Parameters<typeof createServer>[1]) {
  const seen = { connections: 0, requests: [] as string[] };
  const server: Server = createServer((req, res) => {
    seen.requests.push(`${req.method} ${req.url}`);
    if (handle) return handle(req, res);
    res.writeHead(200, { "content-type": "text/plain" }).end("hello");
  });
  server.on("connection", () => seen.connections++);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  afterAll(() => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }));
  return { port, seen };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function egress(allowlist: string, extra: { resolve?: Resolve; timeoutMs?: number } = {}) {
  const e = createEgress({ allowlist, timeoutMs: extra.timeoutMs ?? 2_000, resolve: extra.resolve });
  afterAll(() => e.close());
  return e;
}

async function failure(promise: Promise<unknown>): Promise<EgressError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(EgressError);
  expect((error as Error).message).toBe(UNREACHABLE);
  return error as EgressError;
}

describe("the egress policy", async () => {
  const open = await countingServer();
  const open6 = await countingServer("::1");
  const closed = await closedPort();
  const none = egress("");

  const loopbackSpellings = (port: number) => [
    `http://127.0.0.1:${port}/`,
    `http://2130706433:${port}/`,
    `http://0x7f.1:${port}/`,
    `http://0x7f000001:${port}/`,
    `http://0177.0.0.1:${port}/`,
    `http://127.1:${port}/`,
    `http://127.0.0.1.:${port}/`,
    `http://[::ffff:127.0.0.1]:${port}/`,
    `http://[::ffff:7f00:1]:${port}/`,
    `http://localhost:${port}/`,
    `http://LOCALHOST:${port}/`,
  ];

  it("refuses every loopback spelling of an open port with an empty allowlist, without connecting", async () => {
    for (const url of loopbackSpellings(open.port)) {
      const e = await failure(none.fetch(url));
      expect(e.debug, url).toMatch(/^refused by policy: .* is loopback/);
    }
    await failure(none.fetch(`http://127.0.0.2:${open.port}/`));
    await failure(none.fetch(`http://localhost.:${open.port}/`));
    await failure(none.fetch(`http://[::1]:${open6.port}/`));
    expect(open.seen.connections).toBe(0);
    expect(open6.seen.connections).toBe(0);
  });

  it("refuses every non-public range and its IPv4-mapped form", async () => {
    const hosts = [
      "10.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.254", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "0.1.2.3",
      "224.0.0.1", "255.255.255.255", "240.0.0.1", "[::]", "[::1]", "[fe80::1]", "[fc00::1]", "[fd00::1]", "[fd12::1]", "[ff02::1]",
      "[::ffff:10.0.0.1]", "[::ffff:169.254.169.254]", "[::ffff:192.168.0.1]", "[64:ff9b::a9fe:a9fe]", "[2002:a00:1::]",
      "0xa9.0xfe.0xa9.0xfe", "3232235777", "012.0.0.1",
    ];
    for (const host of hosts) {
      const e = await failure(none.fetch(`http://${host}/latest/meta-data/`));
      expect(e.debug, host).toMatch(/^refused by policy: /);
    }
  });

  it("gives the same answer for an open port and a closed one", async () => {
    const a = await failure(none.fetch(`http://127.0.0.1:${open.port}/`));
    const b = await failure(none.fetch(`http://127.0.0.1:${closed}/`));
    expect([a.name, a.message]).toEqual([b.name, b.message]);
    // allowed through, a closed port still says nothing more (the cause is for the debug log only)
    const local = egress("127.0.0.1");
    const c = await failure(local.fetch(`http://127.0.0.1:${closed}/`));
    expect([c.name, c.message]).toEqual([a.name, a.message]);
    expect(c.debug).toMatch(/ECONNREFUSED/);
    expect(open.seen.connections).toBe(0);
  });

  it("lets allowlisted loopback through, in every spelling", async () => {
    const local = egress("127.0.0.0/8,::1");
    for (const url of loopbackSpellings(open.port)) {
      const res = await local.fetch(url);
      expect(res.status, url).toBe(200);
      expect(await res.text()).toBe("hello");
    }
    expect((await local.fetch(`http://[::1]:${open6.port}/`)).status).toBe(200);
    expect((await egress("localhost").fetch(`http://localhost:${open.port}/`)).status).toBe(200);
  });

  it("judges the addresses a name resolves to when connecting, and connects only to allowed ones", async () => {
    const names: Record<string, string[]> = {
      "rebind.test": ["127.0.0.1"],
      "mixed.test": ["10.0.0.1", "127.0.0.1"],
      "intranet.test": ["192.168.1.1"],
      "metadata.test": ["169.254.169.254"],
      "ula.test": ["fd12::1", "10.1.2.3"],
    };
    const resolve: Resolve = (hostname, _options, callback) => {
      const addresses = names[hostname];
      if (!addresses) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND", hostname }), []);
      callback(null, addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })));
    };
    const before = open.seen.connections;
    const e = await failure(egress("", { resolve }).fetch(`http://rebind.test:${open.port}/`));
    expect(e.debug).toBe("refused by policy: 127.0.0.1 is loopback");
    expect(open.seen.connections).toBe(before);
    // a public-looking name is judged by where it leads, not by how it is spelled
    for (const [name, why] of [["intranet.test", "192.168.1.1 is private"], ["metadata.test", "169.254.169.254 is link-local"], ["ula.test", "fd12::1 is unique local"]]) {
      expect((await failure(egress("", { resolve }).fetch(`http://${name}/`))).debug, name).toBe(`refused by policy: ${why}`);
    }
    // 10.0.0.1 is not allowed, so the connection goes to 127.0.0.1 only
    const res = await egress("127.0.0.1", { resolve }).fetch(`http://mixed.test:${open.port}/`);
    expect(res.status).toBe(200);
    const missing = await failure(egress("", { resolve }).fetch("http://nowhere.test/"));
    expect(missing.debug).toBe("ENOTFOUND: nowhere.test does not resolve");
  });

  it("returns a redirect as it is, without following it", async () => {
    const target = await countingServer();
    const redirecting = await countingServer("127.0.0.1", (_req, res) =>
      res.writeHead(302, { location: `http://127.0.0.1:${target.port}/elsewhere` }).end());
    const res = await egress("127.0.0.1").fetch(`http://127.0.0.1:${redirecting.port}/start`, { redirect: "follow" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`http://127.0.0.1:${target.port}/elsewhere`);
    expect(redirecting.seen.requests).toEqual(["GET /start"]);
    expect(target.seen.requests).toEqual([]);
  });

  it("gives up on a server that accepts and never answers, with the same message", async () => {
    const hanging = await countingServer("127.0.0.1", () => {});
    const started = Date.now();
    const e = await failure(egress("127.0.0.1", { timeoutMs: 300 }).fetch(`http://127.0.0.1:${hanging.port}/`));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(e.debug).toBe("no response headers in time");
  });

  it("refuses other schemes and keeps the caller's own cancellation", async () => {
    expect((await failure(none.fetch("file:///etc/passwd"))).debug).toBe("refused by policy: file: is not HTTP");
    expect((await failure(none.fetch("data:text/plain,hi"))).debug).toBe("refused by policy: data: is not HTTP");
    const hanging = await countingServer("127.0.0.1", () => {});
    const controller = new AbortController();
    const pending = egress("127.0.0.1").fetch(`http://127.0.0.1:${hanging.port}/`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    // a deadline is a timeout like any other: the same message
    const late = await failure(egress("127.0.0.1").fetch(`http://127.0.0.1:${hanging.port}/`, { signal: AbortSignal.timeout(50) }));
    expect(late.debug).toBe("the caller's deadline passed");
  });

  it("serves as oauth4webapi's customFetch", async () => {
    const issuer = await countingServer("127.0.0.1", (_req, res) =>
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ issuer: `http://127.0.0.1:${issuerPort()}` })));
    const issuerPort = () => issuer.port;
    const url = new URL(`http://127.0.0.1:${issuer.port}`);
    const options = { algorithm: "oauth2" as const, [oauth.customFetch]: egress("127.0.0.1").fetch, [oauth.allowInsecureRequests]: true };
    const as = await oauth.processDiscoveryResponse(url, await oauth.discoveryRequest(url, options));
    expect(as.issuer).toBe(url.origin);
    expect(issuer.seen.requests).toEqual(["GET /.well-known/oauth-authorization-server"]);
    const refused = { algorithm: "oauth2" as const, [oauth.customFetch]: none.fetch, [oauth.allowInsecureRequests]: true };
    await failure(oauth.discoveryRequest(url, refused));
  });
});
