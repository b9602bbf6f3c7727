import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openJson, openSecret } from "../helpers/server.js";
import { prisma } from "../helpers/database.js";
import { connectors, member } from "../connectors/api.js";
import { team } from "../helpers/fixtures.js";
import type { GraphQLClient } from "../helpers/graphql.js";
import { startServer } from "../helpers/server.js";
import { personalConfigurations } from "../personal-configurations/api.js";

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
    const custom = await api.created({ url: "https://mcp.custom.example.test/mcp" });
    member(await api.connect({ id: custom.id, password: secret("lonely-password") }), "ValidationError");
    member(await api.connect({ id: custom.id, username: "ann", password: secret("password") }), "ConnectConnectorSuccess");
    // disconnecting wipes; the column must then hold nothing at all
    const wiped = await api.created({ presetSlug: "stripe" });
    await api.connect({ id: wiped.id, accessToken: secret("wiped-token") });
    member(await api.disconnect(wiped.id), "DisconnectConnectorSuccess");

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

    const leaks = (where: string, texts: string[]) => texts.filter((t) => t.includes(CANARY)).map((t) => `${where}: ${t.slice(0, 300)}`);
    const rows = await everyRowAsJson();
    expect(bodies.filter((b) => b.includes(CONTROL)).length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.includes(CONTROL)).length).toBeGreaterThan(0);
    expect(server.logs.length).toBeGreaterThan(0);
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
    const pc = async (id: string) => {
      const r = await prisma.personalConfiguration.findUniqueOrThrow({ where: { id } });
      return openJson("PersonalConfiguration.credentialsEnc", id, r.credentialsEnc!);
    };
    expect(await pc(created.id)).toEqual({ accessToken: secret("pc-access"), refreshToken: secret("pc-refresh") });
    expect(await pc(withKey.id)).toEqual({ username: "ann", password: secret("pc-password") });
    expect(await pc(bearer.id)).toEqual({ accessToken: secret("pc-bearer") });
  });
});
