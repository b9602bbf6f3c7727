import { afterAll, describe, expect, it } from "vitest";
import { createEgress } from "../../src/egress/egress.js";
import { discoverTools } from "../../src/mcp/client.js";
import { credentialHeaders, CredentialsHeaderError } from "../../src/mcp/credentials-headers.js";
import { presetAuthSchema, readPresetAuth } from "../../src/mcp/preset-auth.js";
import { startMcp } from "../servers/mcp-servers.js";

const X_API_KEY = { header: "X-API-Key", template: "{token}" };

describe("presenting stored credentials", () => {
  it("turns each credential type into its header", () => {
    expect(credentialHeaders({ type: "OAUTH2", secret: { accessToken: "at-1", refreshToken: "rt-1" } })).toEqual({ Authorization: "Bearer at-1" });
    expect(credentialHeaders({ type: "BEARER", secret: { accessToken: "tok" } })).toEqual({ Authorization: "Bearer tok" });
    expect(credentialHeaders({ type: "API_KEY", secret: { apiKey: "key" } })).toEqual({ Authorization: "Bearer key" });
    expect(credentialHeaders({ type: "API_KEY", secret: { apiKey: "key" } }, X_API_KEY)).toEqual({ "X-API-Key": "key" });
    expect(credentialHeaders({ type: "API_KEY", secret: { apiKey: "key" } }, { header: "Authorization", template: "Token token={token}" }))
      .toEqual({ Authorization: "Token token=key" });
    expect(credentialHeaders({ type: "BASIC", secret: { username: "zoë", password: "p:ss" } }))
      .toEqual({ Authorization: `Basic ${Buffer.from("zoë:p:ss").toString("base64")}` });
    expect(credentialHeaders(null)).toEqual({});
    // the preset's template is for API keys only
    expect(credentialHeaders({ type: "BEARER", secret: { accessToken: "tok" } }, X_API_KEY)).toEqual({ Authorization: "Bearer tok" });
  });

  it("refuses what cannot be a header, without repeating it", () => {
    const attempts = [
      () => credentialHeaders({ type: "BEARER", secret: { accessToken: "evil\r\nX-Injected: 1" } }),
      () => credentialHeaders({ type: "API_KEY", secret: { accessToken: "wrong-shape" } }),
      () => credentialHeaders({ type: "BASIC", secret: { username: "a:b", password: "secret-pw" } }),
      () => credentialHeaders({ type: "OAUTH2", secret: { apiKey: "wrong-shape" } }),
    ];
    for (const attempt of attempts) {
      expect(attempt).toThrow(CredentialsHeaderError);
      try {
        attempt();
      } catch (e) {
        expect((e as Error).message).not.toMatch(/evil|wrong-shape|secret-pw|a:b/);
      }
    }
  });

  it("validates a preset's auth template", () => {
    expect(readPresetAuth(null)).toBeNull();
    expect(readPresetAuth(X_API_KEY)).toEqual(X_API_KEY);
    const problems = (value: unknown) => presetAuthSchema.safeParse(value).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(problems({ header: "X API Key", template: "{token}" })).toEqual(["header: must be an HTTP header name"]);
    expect(problems({ header: "Content-Type", template: "{token}" })).toEqual(["header: is a header the MCP transport sets itself"]);
    expect(problems({ header: "X-Key", template: "static" })).toEqual(["template: must hold {token} exactly once"]);
    expect(problems({ header: "X-Key", template: "{token}{token}" })).toEqual(["template: must hold {token} exactly once"]);
    expect(problems({ header: "X-Key", template: "a\n{token}" })).toEqual(["template: must be printable ASCII on one line"]);
    expect(problems({ header: "X-Key", template: "{token}", extra: 1 })?.length).toBe(1);
  });
});

describe("stored credentials reaching real MCP servers", () => {
  const egress = createEgress({ allowlist: "127.0.0.1", timeoutMs: 2_000 });
  afterAll(() => egress.close());
  const discover = (url: string, headers: Record<string, string>) => discoverTools({ url, headers, fetch: egress.fetch, timeoutMs: 2_000 });

  it("an OAuth token and a custom server's API key go as Bearer; a preset's API key in its header", async () => {
    const bearer = await startMcp({ auth: { bearer: "access-token-1" } });
    const keyed = await startMcp({ auth: { header: "X-API-Key", value: "api-key-1" } });
    afterAll(() => Promise.all([bearer.stop(), keyed.stop()]));
    expect((await discover(bearer.url, credentialHeaders({ type: "OAUTH2", secret: { accessToken: "access-token-1" } }))).ok).toBe(true);
    expect((await discover(keyed.url, credentialHeaders({ type: "API_KEY", secret: { apiKey: "api-key-1" } }, X_API_KEY))).ok).toBe(true);
    expect(keyed.seen.every((r) => r.apiKey === "api-key-1" && r.authorization === undefined)).toBe(true);
    // a custom MCP server (no preset) given an API key: Bearer
    bearer.rotateToken("api-key-2");
    expect((await discover(bearer.url, credentialHeaders({ type: "API_KEY", secret: { apiKey: "api-key-2" } }))).ok).toBe(true);
    expect(bearer.seen.at(-1)?.authorization).toBe("Bearer api-key-2");
  });
});
