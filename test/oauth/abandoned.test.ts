import { afterAll, describe, expect, it } from "vitest";
import { onQuery, prisma } from "../helpers/database.js";
import { createLogger } from "../../src/logger.js";
import { ABANDONED_REASON, expireAbandonedAuthorizations } from "../../src/oauth/abandoned.js";
import { team } from "../helpers/fixtures.js";
import { startServer } from "../helpers/server.js";
import { startAuthServer } from "../servers/auth-server.js";
import { confidentialClient, createConnector, presetFor, readConnector, startConsent } from "./flow.js";

const CLIENT = { clientId: "plugboard", clientSecret: "abandoned-test-secret-7c6b5a4d3e2f" };
const SLUG = "abandoned-idp";

describe("an authorization nobody completes", async () => {
  const server = await startServer({
    app: { config: { allowedRedirectOrigins: [], oauthClients: { [SLUG]: CLIENT } }, refresh: { enabled: false } },
  });
  const auth = await startAuthServer({ clients: [confidentialClient(CLIENT, `${server.url}/oauth/callback`)] });
  afterAll(() => auth.stop());
  await presetFor(auth, SLUG);
  const { alice } = await team();
  const gql = server.as(alice.key);
  const sweep = () => expireAbandonedAuthorizations(server.app.services);

  it("leaves a consent that is still valid alone", async () => {
    const { connector } = await startConsent(gql, (await createConnector(gql, { presetSlug: SLUG })).id);
    await sweep();
    expect(await readConnector(gql, connector.id)).toMatchObject({ state: "AUTH_REQUIRED", version: connector.version });
  });

  it("ends AUTH_FAILED with a reason once its request has expired, and drops the dead link", async () => {
    const { connector } = await startConsent(gql, (await createConnector(gql, { presetSlug: SLUG })).id);
    // the clock is the database's: the request's expiry is moved into the past
    await prisma.oAuthAuthorization.updateMany({ where: { connectorId: connector.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });

    expect(await sweep()).toBe(1);
    const after = await readConnector(gql, connector.id);
    expect(after).toMatchObject({ state: "AUTH_FAILED", statusReason: ABANDONED_REASON, authRequest: null });
    expect(after.version).toBe(connector.version + 1);
    expect(await prisma.oAuthAuthorization.count({ where: { connectorId: connector.id } })).toBe(0);

    expect(await sweep()).toBe(0); // once only
    const again = await startConsent(gql, connector.id); // and it can be connected again
    expect(again.connector.version).toBe(after.version + 1);
  });

  it("expires a connector whose only consent was consumed by a callback that never finished, and leaves other states alone", async () => {
    const { connector } = await startConsent(gql, (await createConnector(gql, { presetSlug: SLUG })).id);
    await prisma.oAuthAuthorization.updateMany({ where: { connectorId: connector.id }, data: { usedAt: new Date() } });
    const { connector: other } = await startConsent(gql, (await createConnector(gql, { presetSlug: SLUG })).id);
    // expired, but its connector has left AUTH_REQUIRED since
    await prisma.oAuthAuthorization.updateMany({ where: { connectorId: other.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    await prisma.connector.update({ where: { id: other.id }, data: { state: "DISCONNECTED" } });

    expect(await sweep()).toBe(1);
    expect(await readConnector(gql, connector.id)).toMatchObject({ state: "AUTH_FAILED", statusReason: ABANDONED_REASON });
    expect(await readConnector(gql, other.id)).toMatchObject({ state: "DISCONNECTED" });
  });

  it("finds what to expire in one statement that reads AUTH_REQUIRED connectors, not the table in id order", async () => {
    const sql: string[] = [];
    const stop = onQuery((q) => sql.push(q));
    try {
      expect(await sweep()).toBe(0);
    } finally {
      stop();
    }
    expect(sql).toHaveLength(1);
    expect(sql[0]).toMatch(/"state" = 'AUTH_REQUIRED'/);
    expect(sql[0]).not.toMatch(/ORDER BY/);
  });
});
