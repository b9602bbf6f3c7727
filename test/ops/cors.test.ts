import { describe, expect, it } from "vitest";
import { readEnv } from "../../src/env.js";
import { startServer } from "../helpers/server.js";

const APP = "https://app.example.test";
const OTHER = "https://evil.example.test";

const query = (url: string, origin: string) =>
  fetch(`${url}/graphql`, { method: "POST", headers: { origin, "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) });
const preflight = (url: string, origin: string) =>
  fetch(`${url}/graphql`, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" },
  });
const allowHeaders = (res: Response) => [...res.headers.keys()].filter((h) => h.startsWith("access-control-allow"));

describe("CORS_ORIGINS", async () => {
  const closed = await startServer();
  const listed = await startServer({ app: { config: { corsOrigins: [APP] } } });
  const open = await startServer({ app: { config: { corsOrigins: ["*"] } } });

  it("allows no other origin by default, while same-origin requests work", async () => {
    for (const res of [await query(closed.url, OTHER), await query(closed.url, APP), await preflight(closed.url, APP)]) {
      expect(allowHeaders(res)).toEqual([]);
    }
    const own = await query(closed.url, closed.url);
    expect(own.status).toBe(200);
    expect(await own.json()).toEqual({ data: { __typename: "Query" } });
  });

  it("allows a listed origin exactly, with credentials, and refuses an unlisted one, preflight included", async () => {
    const allowed = await query(listed.url, APP);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(APP);
    expect(allowed.headers.get("access-control-allow-credentials")).toBe("true");
    expect(allowed.headers.get("access-control-expose-headers")).toMatch(/x-request-id/);
    const pre = await preflight(listed.url, APP);
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe(APP);
    expect(pre.headers.get("access-control-allow-methods")).toMatch(/POST/);
    expect(pre.headers.get("access-control-allow-headers")).toMatch(/authorization/);

    for (const origin of [OTHER, `${APP}:8443`, "http://app.example.test", "null"]) {
      expect(allowHeaders(await query(listed.url, origin)), origin).toEqual([]);
      expect(allowHeaders(await preflight(listed.url, origin)), origin).toEqual([]);
    }
  });

  it("lets any origin in with `*`, but never with credentials", async () => {
    // yoga's CORS writes the origin asked from rather than a literal `*` (with Vary: Origin)
    const res = await query(open.url, OTHER);
    expect(res.headers.get("access-control-allow-origin")).toBe(OTHER);
    expect(res.headers.get("vary")).toMatch(/Origin/);
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    const pre = await preflight(open.url, OTHER);
    expect(pre.headers.get("access-control-allow-origin")).toBe(OTHER);
    expect(pre.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("reads CORS_ORIGINS from the environment: origins only", () => {
    expect(readEnv({}).CORS_ORIGINS).toEqual([]);
    expect(readEnv({ CORS_ORIGINS: `${APP}, http://localhost:5173` }).CORS_ORIGINS).toEqual([APP, "http://localhost:5173"]);
    expect(readEnv({ CORS_ORIGINS: "*" }).CORS_ORIGINS).toEqual(["*"]);
    expect(() => readEnv({ CORS_ORIGINS: `${APP}/path` })).toThrow(/CORS_ORIGINS/);
    expect(() => readEnv({ CORS_ORIGINS: "app.example.test" })).toThrow(/CORS_ORIGINS/);
  });
});
