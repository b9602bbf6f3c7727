import { Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import type { SecretColumn } from "../../src/crypto/secrets.js";
import { openJson, openSecret } from "../helpers/server.js";
import { prisma } from "../helpers/database.js";
import { createLogger } from "../../src/logger.js";
import { refreshDueTokens } from "../../src/oauth/refresh.js";
import type { StoredCredentials } from "../../src/oauth/types.js";
import { DisconnectConnector } from "../connectors/api.js";
import { personalConfiguration, team } from "../helpers/fixtures.js";
import { ok } from "../helpers/graphql.js";
import { startServer } from "../helpers/server.js";
import { confidentialClient, connectedThroughConsent, presetFor } from "../oauth/flow.js";
import { startAuthServer } from "../servers/auth-server.js";
import { startMcp } from "../servers/mcp-servers.js";

const CLIENT = { clientId: "plugboard", clientSecret: "binding-test-secret-0a1b2c3d4e5f" };
const SLUG = "binding-idp";

/**
 * Each ciphertext is sealed with its column and row id as associated data, so that someone who can
 * write the database (but holds no key) cannot move a secret to where the server would use it: a
 * connector's tokens copied to another connector, or into another secret column, must not open.
 */
describe("a stored secret opens only in its own row and column", async () => {
  const oauthClients = { [SLUG]: CLIENT };
  const server = await startServer({ app: { config: { allowedRedirectOrigins: [], oauthClients }, refresh: { enabled: false } } });
  const callbackPrefix = `${server.url}/oauth/callback`;
  const auth = await startAuthServer({ accessTokenTtl: 60, clients: [confidentialClient(CLIENT, callbackPrefix)] });
  afterAll(() => auth.stop());
  await presetFor(auth, SLUG);
  // the callback tries the new token on the MCP server before CONNECTED: one that takes any token
  const mcp = await startMcp();
  afterAll(() => mcp.stop());
  await prisma.preset.update({ where: { slug: SLUG }, data: { mcpUrl: mcp.url } });
  const { alice, organizationId } = await team();
  const gql = server.as(alice.key);

  /** Two connected connectors: the victim's tokens are copied over the other's by SQL. */
  async function copiedCredentials() {
    const victim = await connectedThroughConsent(gql, SLUG, callbackPrefix);
    const target = await connectedThroughConsent(gql, SLUG, callbackPrefix);
    const row = await prisma.connector.findUniqueOrThrow({ where: { id: victim.id } });
    const tokens = openJson<StoredCredentials>("Connector.credentialsEnc", victim.id, row.credentialsEnc!);
    await prisma.$executeRawUnsafe(`UPDATE "Connector" SET "credentialsEnc" = $1 WHERE id = $2`, row.credentialsEnc, target.id);
    return { victim, target, tokens, ciphertext: row.credentialsEnc! };
  }

  const stillValid = async (tokens: StoredCredentials) => ({
    access: Boolean(await auth.provider.AccessToken.find(tokens.accessToken)),
    refresh: Boolean(await auth.provider.RefreshToken.find(tokens.refreshToken!)),
  });

  it("the token refresher refuses another connector's tokens: it logs the row and sends the provider nothing", async () => {
    const { victim, target, tokens } = await copiedCredentials();
    // only the target is due
    await prisma.connector.updateMany({ where: { id: { not: target.id } }, data: { tokenExpiresAt: new Date(Date.now() + 3_600_000) } });
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const logger = createLogger("debug", sink);
    const refreshes = auth.count("token", "refresh_token");

    expect(await refreshDueTokens({ ...server.app.services, logger })).toEqual({ refreshed: 0, expired: 0, failed: 1 });
    expect(auth.count("token", "refresh_token")).toBe(refreshes);
    const crashed = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === "token refresh crashed");
    expect(crashed.map((l) => l.connectorId)).toEqual([target.id]);
    expect(await stillValid(tokens)).toEqual({ access: true, refresh: true });
    expect((await prisma.connector.findUniqueOrThrow({ where: { id: victim.id } })).state).toBe("CONNECTED");
  });

  it("disconnecting the other connector revokes nothing at the provider with them", async () => {
    const { target, tokens } = await copiedCredentials();
    const revocations = auth.count("revocation");

    const data = ok(await gql.run(DisconnectConnector, { input: { id: target.id } }));
    expect(data.disconnectConnector.__typename).toBe("DisconnectConnectorSuccess");
    expect(auth.count("revocation")).toBe(revocations);
    expect(await stillValid(tokens)).toEqual({ access: true, refresh: true });
  });

  it("openSecret refuses a ciphertext under another row id or in another column", async () => {
    const { victim, target, ciphertext } = await copiedCredentials();
    expect(() => openSecret("Connector.credentialsEnc", victim.id, ciphertext)).not.toThrow();
    const elsewhere: [SecretColumn, string][] = [
      ["Connector.credentialsEnc", target.id],
      ["Connector.clientSecretEnc", victim.id],
      ["PersonalConfiguration.credentialsEnc", victim.id],
      ["OAuthAuthorization.codeVerifierEnc", victim.id],
    ];
    for (const [column, id] of elsewhere) {
      expect(() => openSecret(column, id, ciphertext), `${column} of ${id}`).toThrow(/does not open/);
    }

    // copied by SQL into another column, each row opened as the server would open it
    const config = await personalConfiguration(organizationId, { userId: alice.userId });
    await prisma.$executeRawUnsafe(`UPDATE "Connector" SET "clientSecretEnc" = "credentialsEnc" WHERE id = $1`, victim.id);
    await prisma.$executeRawUnsafe(`UPDATE "PersonalConfiguration" SET "credentialsEnc" = $1 WHERE id = $2`, ciphertext, config.id);
    const copy = await prisma.connector.findUniqueOrThrow({ where: { id: victim.id } });
    const pconf = await prisma.personalConfiguration.findUniqueOrThrow({ where: { id: config.id } });
    expect(() => openSecret("Connector.clientSecretEnc", copy.id, copy.clientSecretEnc!)).toThrow(/does not open/);
    expect(() => openSecret("PersonalConfiguration.credentialsEnc", pconf.id, pconf.credentialsEnc!)).toThrow(/does not open/);
  });
});
