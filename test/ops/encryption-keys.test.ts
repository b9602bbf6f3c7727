import { stat } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { startMcp } from "../servers/mcp-servers.js";
import { generateKeySpec } from "../../src/crypto/keyring.js";
import { graphql } from "../gql/index.js";
import { graphqlClient, ok } from "../helpers/graphql.js";
import { cli, dataDir, spawnEntry, startMain } from "./processes.js";

const CreateConnector = graphql(`
  mutation KeysCreateConnector($input: CreateConnectorInput!) {
    createConnector(input: $input) { ... on CreateConnectorSuccess { connector { id } } ... on Error { message } }
  }
`);
const ConnectWithToken = graphql(`
  mutation KeysConnect($input: ConnectConnectorInput!) {
    connectConnector(input: $input) { ... on ConnectConnectorSuccess { connector { state } } ... on Error { message } }
  }
`);

const BOOTSTRAP_API_KEY = `pb_keyring_test_${"k".repeat(24)}`;

describe("encryption keys", () => {
  it("makes a key file on first start, refuses keys that cannot open the secrets, and rotates", { timeout: 240_000 }, async () => {
    const DATA_DIR = await dataDir({ seeded: true });
    const embedded = await startMain({ DATA_DIR, BOOTSTRAP_API_KEY });
    expect((await stat(join(DATA_DIR, "encryption-keys"))).mode & 0o777).toBe(0o600);
    expect(await embedded.stop()).toBe(0);

    const [oldKey, newKey] = [generateKeySpec("old"), generateKeySpec("new")];
    const first = await startMain({ DATA_DIR, BOOTSTRAP_API_KEY, ENCRYPTION_KEYS: oldKey, EGRESS_ALLOWLIST: "127.0.0.1" });
    const client = graphqlClient(first.url, BOOTSTRAP_API_KEY);
    // a real MCP server on loopback, which the server may reach with EGRESS_ALLOWLIST
    const mcp = await startMcp({ auth: { bearer: "rk_test_secret" } });
    onTestFinished(() => mcp.stop());
    const created = ok(await client.run(CreateConnector, { input: { url: mcp.url } })).createConnector;
    if (!("connector" in created)) throw new Error(JSON.stringify(created));
    const connected = ok(await client.run(ConnectWithToken, { input: { id: created.connector.id, accessToken: "rk_test_secret" } }));
    expect(connected.connectConnector).toEqual({ connector: { state: "CONNECTED" } });
    expect(await first.stop()).toBe(0);

    // only the new key: the stored secret cannot be opened, so the server refuses to start
    const refused = spawnEntry("main", [], { DATA_DIR, PORT: "0", ENCRYPTION_KEYS: newKey });
    expect(await refused.exited).not.toBe(0);
    expect(refused.output().stderr).toMatch(/key\(s\) old.*Nothing was changed/s);

    // nothing was touched: the old key alone still opens everything
    const again = await startMain({ DATA_DIR, ENCRYPTION_KEYS: oldKey });
    expect(await again.stop()).toBe(0);

    const rotated = await cli({ DATA_DIR, ENCRYPTION_KEYS: `${newKey},${oldKey}` }, "rotate-keys");
    expect(rotated).toMatchObject({ code: 0, stdout: expect.stringMatching(/re-encrypted 1 secret\(s\)/) });

    // after rotation the new key alone is enough
    const rotatedServer = await startMain({ DATA_DIR, ENCRYPTION_KEYS: newKey });
    expect(await rotatedServer.stop()).toBe(0);
  });
});
