import { describe, expect, it } from "vitest";
import { prisma } from "../helpers/database.js";
import { connector } from "../helpers/fixtures.js";
import { createActor, startServer } from "../helpers/server.js";

// Issue 12, class 9: a URL that carries a credential in its query string is refused the way one
// with a password is, on every URL a client gives: a connector's server URL and a redirect URL.

const CREDENTIAL_NAMES = [
  "token",
  "access_token",
  "accessToken",
  "refresh_token",
  "id_token",
  "api_key",
  "apikey",
  "api-key",
  "x-api-key",
  "key",
  "secret",
  "client_secret",
  "password",
  "passwd",
  "pwd",
  "sig",
  "signature",
  "X-Amz-Signature",
  "auth",
  "authorization",
  "auth_token",
  "private_token",
  "jwt",
  "code",
  "session",
  "sessionid",
  "credentials",
];

describe("credentials in URLs", async () => {
  const server = await startServer();
  const admin = await createActor({ role: "ADMIN" });
  const client = server.as(admin.key);
  const SECRET = "s3cr3t-value-that-must-not-be-stored";

  const create = (url: string) =>
    client.raw(
      "mutation($url: URL) { createConnector(input: { url: $url, matchPreset: false }) { __typename ... on ValidationError { fieldErrors { path message } } ... on CreateConnectorSuccess { connector { url } } } }",
      { url },
    );

  it("refuses a connector URL with a credential-looking query parameter, never repeating the value", async () => {
    for (const name of CREDENTIAL_NAMES) {
      for (const url of [`https://mcp.example.test/mcp?${name}=${SECRET}`, `https://mcp.example.test/mcp?region=eu&${encodeURIComponent(name)}=${SECRET}`]) {
        const res = await create(url);
        expect([url, res.data.createConnector.__typename]).toEqual([url, "ValidationError"]);
        const [error] = res.data.createConnector.fieldErrors;
        expect(error.path).toEqual(["input", "url"]);
        expect(error.message).toMatch(/must not carry a credential in its query string/);
        expect(JSON.stringify(res)).not.toContain(SECRET);
      }
    }
    // as a password in the URL is
    const basic = await create(`https://user:${SECRET}@mcp.example.test/mcp`);
    expect(basic.data.createConnector.fieldErrors[0].message).toMatch(/user name or password/);
    expect(await prisma.connector.count({ where: { organizationId: admin.organizationId } })).toBe(0);
    expect(server.logs.join("")).not.toContain(SECRET);
  });

  it("keeps URLs whose query parameters are plain settings", async () => {
    for (const url of ["https://mcp.example.test/mcp?region=eu", "https://mcp.example.test/mcp?version=2&workspace=acme", "https://mcp.example.test/mcp?monkey=1"]) {
      const res = await create(url);
      expect([url, res.data.createConnector.__typename]).toEqual([url, "CreateConnectorSuccess"]);
    }
  });

  it("refuses a redirect URL with a credential-looking query parameter", async () => {
    const c = await connector(admin.organizationId, { presetSlug: "github" });
    for (const name of ["access_token", "token", "api_key", "client_secret", "signature"]) {
      const res = await client.raw(
        "mutation($id: ID!, $r: URL) { connectConnector(input: { id: $id, redirectUrl: $r }) { __typename ... on ValidationError { fieldErrors { path message } } } }",
        { id: c.id, r: `${server.url}/connected?${name}=${SECRET}` },
      );
      expect([name, res.data.connectConnector.__typename]).toEqual([name, "ValidationError"]);
      expect(res.data.connectConnector.fieldErrors[0].path).toEqual(["input", "redirectUrl"]);
      expect(JSON.stringify(res)).not.toContain(SECRET);
    }
    expect((await prisma.connector.findUniqueOrThrow({ where: { id: c.id } })).state).toBe("CREATED");
  });
});
