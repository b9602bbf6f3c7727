import { afterAll, describe, expect, it } from "vitest";
import { generateKeySpec, parseKeyring } from "../../src/crypto/keyring.js";
import { createSecrets, rotateSecrets, verifySecrets } from "../../src/crypto/secrets.js";
import { newId } from "../../src/db/ids.js";
import { onQuery, openTestDatabase, prisma } from "../helpers/database.js";

const oldKey = generateKeySpec("old");
const newKey = generateKeySpec("new");
const withOld = createSecrets(parseKeyring(oldKey));
const withNew = createSecrets(parseKeyring(newKey));
const withBoth = createSecrets(parseKeyring(`${newKey},${oldKey}`));

/**
 * The start-up check (main.ts) refuses keyrings that cannot open what is stored, in every secret
 * column, without reading the secrets out: one statement, whatever their number.
 */
describe("the start-up keyring check", async () => {
  afterAll(await openTestDatabase());
  const org = await prisma.organization.create({ data: { id: newId("org"), slug: `org-${newId("org").slice(-8)}`, name: "Keys" } });

  /** A connector with both secret columns, a pending flow, a personal configuration and a webhook, sealed by `secrets`. */
  async function everyColumn(secrets: typeof withOld) {
    const id = newId("conn");
    await prisma.connector.create({
      data: {
        id, organizationId: org.id, type: "mcp", name: id, handle: id, url: "https://mcp.example.test/mcp", scope: "TEAM", authType: "OAUTH",
        credentialsEnc: secrets.sealJson("Connector.credentialsEnc", id, { accessToken: "t" }),
        clientSecretEnc: secrets.seal("Connector.clientSecretEnc", id, "s"),
      },
    });
    const flow = newId("oauth");
    await prisma.oAuthAuthorization.create({
      data: {
        id: flow, connectorId: id, stateHash: flow, codeVerifierEnc: secrets.seal("OAuthAuthorization.codeVerifierEnc", flow, "v"),
        authorizationUrl: "https://auth.example.test/authorize", server: {}, expiresAt: new Date(Date.now() + 60_000),
      },
    });
    const preset = await prisma.preset.create({
      data: { id: newId("pset"), slug: newId("pset"), name: "P", mcpUrl: "https://mcp.example.test/mcp", authType: "API_TOKEN" },
    });
    const pc = newId("pconf");
    await prisma.personalConfiguration.create({
      data: {
        id: pc, organizationId: org.id, presetId: preset.id, name: "mine", configuration: {},
        credentialsEnc: secrets.sealJson("PersonalConfiguration.credentialsEnc", pc, { token: "x" }),
      },
    });
    const hook = newId("hook");
    await prisma.webhook.create({
      data: {
        id: hook, organizationId: org.id, url: "https://hooks.example.test/", document: "subscription { x }", viaApiKey: true,
        secretEnc: secrets.seal("Webhook.secretEnc", hook, "w"),
      },
    });
    return { connectorId: id, flow, pc, hook };
  }

  const refusal = (...keys: string[]) => new RegExp(`key\\(s\\) ${keys.join(", ")}, which ENCRYPTION_KEYS does not hold`);

  it("accepts an empty database and one whose secrets all name a configured key, in one statement", async () => {
    await expect(verifySecrets(prisma, withNew)).resolves.toBeUndefined();
    await everyColumn(withOld);
    let statements = 0;
    const stop = onQuery(() => statements++);
    try {
      await expect(verifySecrets(prisma, withOld)).resolves.toBeUndefined();
    } finally {
      stop();
    }
    expect(statements).toBe(1);
    await expect(verifySecrets(prisma, withBoth)).resolves.toBeUndefined();
  });

  it.each([
    ["Connector", "credentialsEnc"],
    ["Connector", "clientSecretEnc"],
    ["PersonalConfiguration", "credentialsEnc"],
    ["OAuthAuthorization", "codeVerifierEnc"],
    ["Webhook", "secretEnc"],
  ])("refuses a keyring that lacks the key of a secret in %s.%s", async (table, column) => {
    // this one column names a key that is gone, every other secret one that is configured
    await prisma.$executeRawUnsafe(`UPDATE "${table}" SET "${column}" = replace("${column}", 'v1.old.', 'v1.gone.') WHERE "${column}" LIKE 'v1.old.%'`);
    await expect(verifySecrets(prisma, withBoth)).rejects.toThrow(refusal("gone"));
    await prisma.$executeRawUnsafe(`UPDATE "${table}" SET "${column}" = replace("${column}", 'v1.gone.', 'v1.old.')`);
    await expect(verifySecrets(prisma, withBoth)).resolves.toBeUndefined();
  });

  it("re-encrypts more than a page of secrets with the primary key, after which it alone passes", async () => {
    await expect(verifySecrets(prisma, withNew)).rejects.toThrow(refusal("old"));
    const rows = Array.from({ length: 1_005 }, () => newId("conn"));
    await prisma.connector.createMany({
      data: rows.map((id) => ({
        id, organizationId: org.id, type: "mcp", name: id, handle: id, url: "https://mcp.example.test/mcp", scope: "TEAM" as const, authType: "API_TOKEN" as const,
        credentialsEnc: withOld.sealJson("Connector.credentialsEnc", id, { token: id }),
      })),
    });
    // the 1,005 connectors and the five secrets of everyColumn
    expect(await rotateSecrets(prisma, withBoth)).toBe(1_005 + 5);
    await expect(verifySecrets(prisma, withNew)).resolves.toBeUndefined();
    const last = await prisma.connector.findUniqueOrThrow({ where: { id: rows.at(-1)! } });
    expect(withNew.openJson("Connector.credentialsEnc", last.id, last.credentialsEnc!)).toEqual({ token: last.id });
  });

  it.each(["not-a-ciphertext", "v1.new.iv", "v1.new.iv.body.extra", "v2.new.iv.body"])(
    "reports a stored value of no known form (%s) as such",
    async (value) => {
      const { connectorId } = await everyColumn(withNew);
      await prisma.connector.update({ where: { id: connectorId }, data: { clientSecretEnc: value } });
      await expect(verifySecrets(prisma, withNew)).rejects.toThrow(refusal("\\(unknown format\\)"));
      await prisma.connector.update({ where: { id: connectorId }, data: { clientSecretEnc: null } });
    },
  );
});
