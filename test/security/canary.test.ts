import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { newId } from "../../src/db/ids.js";
import { openJson, openSecret } from "../helpers/server.js";
import { prisma } from "../helpers/database.js";
import { connectors, member } from "../connectors/api.js";
import { mcpApi } from "../connectors/mcp-api.js";
import { team } from "../helpers/fixtures.js";
import type { GraphQLClient } from "../helpers/graphql.js";
import { startServer } from "../helpers/server.js";
import { personalConfigurations } from "../personal-configurations/api.js";
import { startFailing, startNotMcp } from "../servers/broken-servers.js";
import { startMcp } from "../servers/mcp-servers.js";

// One unique marker inside every secret this file sends. Whatever path a secret takes (a success, a
// refusal, a log line, a column), the marker must only ever be found inside a ciphertext.
const CANARY = `cnry${randomBytes(12).toString("hex")}`;
const secret = (label: string) => `${CANARY}-${label}`;
// a non-secret marker sent where it is meant to be kept, to prove the scans below see what is there
const CONTROL = CANARY.replace("cnry", "ctrl");

/** A client that keeps every response body it sees. */
function recording(client: GraphQLClient, bodies: string[]): GraphQLClient {
  return {
    run: async (doc, vars) => {
      const res = await client.run(doc, vars);
      bodies.push(JSON.stringify(res));
      return res;
    },
    raw: async (q, v) => {
      const res = await client.raw(q, v);
      bodies.push(JSON.stringify(res));
      return res;
    },
  };
}

async function everyRowAsJson(): Promise<string[]> {
  const tables = await prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
  );
  expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(["Connector", "PersonalConfiguration", "ConnectorEvent"]));
  const rows: string[] = [];
  for (const { name } of tables) {
    const result = await prisma.$queryRawUnsafe<{ j: string }[]>(`SELECT row_to_json(t)::text AS j FROM "${name}" t`);
    rows.push(...result.map((r) => r.j));
  }
  return rows;
}

describe("secrets never leave in plaintext", async () => {
  const server = await startServer();
  // MCP servers of custom connectors: one that lets anyone in, one whose 401 body repeats the
  // Authorization header it got, one whose token is rotated away, and careless broken ones that
  // echo the credential in their answers (a client copying a body into a message would leak it)
  const open = await startMcp();
  const echoing = await startMcp({ auth: { bearer: "only-this-token-is-accepted" } });
  const rotating = await startMcp({ auth: { bearer: secret("rotating-token") } });
  const broken = [await startFailing(500), await startFailing(403), await startNotMcp("html"), await startNotMcp("json"), await startNotMcp("event-stream")];
  afterAll(() => Promise.all([open, echoing, rotating, ...broken].map((s) => s.stop())));

  it("keeps every secret out of responses, logs and columns, and stores it recoverably", async () => {
    const { alice } = await team();
    const bodies: string[] = [];
    const client = recording(server.as(alice.key), bodies);
    const api = connectors(client);
    const pcs = personalConfigurations(client);

    // createConnector: clientSecret, stored and refused
    const github = await api.created({ presetSlug: "github", clientId: "cid", clientSecret: secret("client-secret"), metadata: { note: CONTROL } });
    member(await api.create({ presetSlug: "github", clientSecret: secret("refused-client-secret"), configuration: { nope: 1 } }), "ValidationError");

    // connectConnector: accessToken, apiKey, username+password; and refusals that carry them
    member(await api.connect({ id: github.id, accessToken: secret("oauth-token") }), "ConnectConnectorSuccess");
    member(await api.connect({ id: github.id, accessToken: secret("refused-token") }), "InvalidStateError");
    const stripe = await api.created({ presetSlug: "stripe" });
    member(await api.connect({ id: stripe.id, accessToken: secret("bearer-token") }), "ConnectConnectorSuccess");
    const freshdesk = await api.created({ presetSlug: "freshdesk", configuration: { domain: "acme" } });
    member(await api.connect({ id: freshdesk.id, accessToken: secret("wrong-kind") }), "ValidationError");
    member(await api.connect({ id: freshdesk.id, apiKey: secret("api-key") }), "ConnectConnectorSuccess");
    const custom = await api.created({ url: open.url });
    member(await api.connect({ id: custom.id, password: secret("lonely-password") }), "ValidationError");
    member(await api.connect({ id: custom.id, username: "ann", password: secret("password") }), "ConnectConnectorSuccess");
    // disconnecting wipes; the column must then hold nothing at all
    const wiped = await api.created({ presetSlug: "stripe" });
    await api.connect({ id: wiped.id, accessToken: secret("wiped-token") });
    member(await api.disconnect(wiped.id), "DisconnectConnectorSuccess");

    // credentials the MCP servers refuse or cannot take, and the UpstreamError (with the connector
    // as it was left) that carries each failure
    const mcp = mcpApi(client);
    const refusedAtStandIn = await api.created({ presetSlug: "stripe" });
    expect((await mcp.refused({ id: refusedAtStandIn.id, accessToken: secret("refused-bearer") })).reason).toBe("UNAUTHORIZED");
    const echoed = await api.created({ url: echoing.url });
    expect((await mcp.refused({ id: echoed.id, accessToken: secret("echoed-token") })).left?.state).toBe("AUTH_FAILED");
    expect(echoing.seen.map((r) => r.authorization)).toContain(`Bearer ${secret("echoed-token")}`);
    const rotated = await api.created({ url: rotating.url });
    member(await mcp.connect({ id: rotated.id, accessToken: secret("rotating-token") }), "ConnectConnectorSuccess");
    member(await mcp.health(rotated.id), "CheckConnectorHealthSuccess");
    rotating.rotateToken("someone-else-now");
    expect(member(await mcp.health(rotated.id), "UpstreamError").left?.state).toBe("AUTH_FAILED");
    const failing: string[] = [];
    for (const [i, b] of broken.entries()) {
      const c = await api.created({ url: b.url });
      failing.push(c.id);
      expect(member(await mcp.connect({ id: c.id, accessToken: secret(`broken-${i}`) }), "UpstreamError").left?.state).toMatch(/ERROR|AUTH_FAILED/);
      // the event stream that never sends a JSON-RPC answer costs MCP_TIMEOUT each time: once is enough
      if (i < broken.length - 1) {
        await mcp.health(c.id);
        await mcp.refresh(c.id);
      }
    }
    const keyedSlug = `keyed-${CANARY.slice(-6)}`;
    await prisma.preset.create({
      data: { id: newId("pset"), slug: keyedSlug, name: "Keyed", mcpUrl: broken[2].url, authType: "API_TOKEN", oauthScopes: [], auth: { header: "X-API-Key", template: "{token}" } },
    });
    const keyed = await api.created({ presetSlug: keyedSlug });
    expect(member(await mcp.connect({ id: keyed.id, apiKey: secret("header-key") }), "UpstreamError").reason).toBe("PROTOCOL");
    // the broken servers did get (and echo) the secrets: what follows proves none came back
    expect(broken.flatMap((b) => b.seen.map((r) => r.authorization))).toContain(`Bearer ${secret("broken-0")}`);
    const mcpConnectors = [refusedAtStandIn.id, echoed.id, rotated.id, keyed.id, ...failing];

    // personal configurations: every kind of credentials, on create and update, and a refusal
    const config = { presetSlug: "github", name: "Mine", configuration: { repository: "o/r", branch: "main", paths: [] } };
    const created = member(
      await pcs.create({ ...config, credentials: { oauth2: { accessToken: secret("pc-access"), refreshToken: secret("pc-refresh") } } }),
      "CreatePersonalConfigurationSuccess",
    ).personalConfiguration;
    const withKey = member(await pcs.create({ ...config, credentials: { apiKey: secret("pc-api-key") } }), "CreatePersonalConfigurationSuccess").personalConfiguration;
    member(await pcs.create({ ...config, credentials: { apiKey: secret("pc-refused"), bearerToken: secret("pc-refused-2") } }), "ValidationError");
    member(await pcs.update({ id: withKey.id, credentials: { username: "ann", password: secret("pc-password") } }), "UpdatePersonalConfigurationSuccess");
    const bearer = member(await pcs.create({ ...config, credentials: { bearerToken: secret("pc-bearer") } }), "CreatePersonalConfigurationSuccess").personalConfiguration;

    // input that GraphQL itself rejects: graphql-js would repeat the value in its message
    const connect = `mutation ($input: ConnectConnectorInput!) { connectConnector(input: $input) { __typename } }`;
    const rejected = [
      await client.raw(connect, { input: { id: github.id, acessToken: secret("typo-field") } }),
      await client.raw(connect, { input: { id: github.id, accessToken: { value: secret("wrong-type") } } }),
      await client.raw(`mutation { connectConnector(input: { id: "${github.id}", accessToken: ${CANARY} }) { __typename } }`),
    ];
    for (const r of rejected) expect(r.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    expect(rejected[0].errors?.[0]?.message).toContain('Field "acessToken" is not defined by type "ConnectConnectorInput"');
    expect(rejected[1].errors?.[0]?.message).toContain('at "input.accessToken"');
    expect(rejected[2].errors?.[0]?.message).toBe("String cannot represent a non string value.");

    // read everything back through the API too
    for (const c of [github, stripe, freshdesk, custom, wiped]) await api.history(c.id);
    for (const id of mcpConnectors) await mcp.read(id);

    const leaks = (where: string, texts: string[]) => texts.filter((t) => t.includes(CANARY)).map((t) => `${where}: ${t.slice(0, 300)}`);
    const rows = await everyRowAsJson();
    expect(bodies.filter((b) => b.includes(CONTROL)).length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.includes(CONTROL)).length).toBeGreaterThan(0);
    expect(server.logs.length).toBeGreaterThan(0);
    expect(server.logs.filter((l) => l.includes("MCP request failed")).length).toBeGreaterThan(broken.length);
    expect(leaks("response", bodies)).toEqual([]);
    expect(leaks("log", server.logs)).toEqual([]);
    expect(leaks("row", rows)).toEqual([]);

    // and what was stored opens again with the keyring: stored, not dropped
    const row = (id: string) => prisma.connector.findUniqueOrThrow({ where: { id } });
    expect(openSecret("Connector.clientSecretEnc", github.id, (await row(github.id)).clientSecretEnc!)).toBe(secret("client-secret"));
    const opened = async (id: string) => openJson("Connector.credentialsEnc", id, (await row(id)).credentialsEnc!);
    expect(await opened(github.id)).toEqual({ accessToken: secret("oauth-token") });
    expect(await opened(stripe.id)).toEqual({ accessToken: secret("bearer-token") });
    expect(await opened(freshdesk.id)).toEqual({ apiKey: secret("api-key") });
    expect(await opened(custom.id)).toEqual({ username: "ann", password: secret("password") });
    expect((await row(wiped.id)).credentialsEnc).toBeNull();
    // refused credentials are not kept; those of a server that did not answer are, for the retry
    for (const id of [refusedAtStandIn.id, echoed.id]) expect((await row(id)).credentialsEnc).toBeNull();
    expect(await opened(rotated.id)).toEqual({ accessToken: secret("rotating-token") });
    expect(await opened(keyed.id)).toEqual({ apiKey: secret("header-key") });
    expect(await opened(failing[0])).toEqual({ accessToken: secret("broken-0") });
    const pc = async (id: string) => {
      const r = await prisma.personalConfiguration.findUniqueOrThrow({ where: { id } });
      return openJson("PersonalConfiguration.credentialsEnc", id, r.credentialsEnc!);
    };
    expect(await pc(created.id)).toEqual({ accessToken: secret("pc-access"), refreshToken: secret("pc-refresh") });
    expect(await pc(withKey.id)).toEqual({ username: "ann", password: secret("pc-password") });
    expect(await pc(bearer.id)).toEqual({ accessToken: secret("pc-bearer") });
  });
});
