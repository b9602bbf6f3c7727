import { afterAll, describe, expect, it } from "vitest";
import { refreshDueTokens } from "../../src/oauth/refresh.js";
import type { StoredCredentials } from "../../src/oauth/types.js";
import { prisma } from "../helpers/database.js";
import { team } from "../helpers/fixtures.js";
import { openJson, startServer } from "../helpers/server.js";
import { startAuthServer } from "../servers/auth-server.js";
import { confidentialClient, connectedThroughConsent, mcpServerFor, presetFor } from "../oauth/flow.js";
import { agent, rpcError } from "./agent.js";

const CLIENT = { clientId: "plugboard", clientSecret: "gateway-oauth-secret-0a1b2c3d4e5f" };
const SLUG = "gateway-idp";

describe("tools/call with OAuth: a token refreshed meanwhile is used, a 401 refreshes once and retries", async () => {
  const server = await startServer({ app: { config: { oauthClients: { [SLUG]: CLIENT } }, refresh: { enabled: false } } });
  const callbackPrefix = `${server.url}/oauth/callback`;
  const auth = await startAuthServer({ clients: [confidentialClient(CLIENT, callbackPrefix)] });
  afterAll(() => auth.stop());
  await presetFor(auth, SLUG);
  const mcp = await mcpServerFor(auth);
  const { alice } = await team();
  const gql = server.as(alice.key);

  const stored = async (id: string) => {
    const row = await prisma.connector.findUniqueOrThrow({ where: { id } });
    return { row, tokens: openJson<StoredCredentials>("Connector.credentialsEnc", id, row.credentialsEnc!) };
  };
  const lastAuthorization = () => mcp.calls.at(-1)!.authorization;

  it("uses the token the scheduler refreshed in the middle of an agent's session", async () => {
    const c = await connectedThroughConsent(gql, SLUG, callbackPrefix);
    const a = await agent(`${server.url}/mcp/${c.id}`, alice.key);
    const first = (await stored(c.id)).tokens.accessToken;
    await a.client.callTool({ name: "echo", arguments: { n: 1 } });
    expect(lastAuthorization()).toBe(`Bearer ${first}`);

    // due now, and only this one: the pass refreshes it while the agent's session stays open
    await prisma.connector.updateMany({ where: { id: { not: c.id } }, data: { tokenExpiresAt: new Date(Date.now() + 3_600_000) } });
    await prisma.connector.update({ where: { id: c.id }, data: { tokenExpiresAt: new Date(Date.now() + 120_000) } });
    expect(await refreshDueTokens(server.app.services)).toMatchObject({ refreshed: 1 });
    const second = (await stored(c.id)).tokens.accessToken;
    expect(second).not.toBe(first);

    const result = await a.client.callTool({ name: "echo", arguments: { n: 2 } });
    expect(lastAuthorization()).toBe(`Bearer ${second}`);
    expect(JSON.stringify(result)).not.toMatch(new RegExp(`${first}|${second}`));
  });

  it("refreshes once after the server's 401 and retries the call with the new token", async () => {
    const c = await connectedThroughConsent(gql, SLUG, callbackPrefix);
    const a = await agent(`${server.url}/mcp/${c.id}`, alice.key);
    await a.client.callTool({ name: "echo", arguments: {} });
    const { tokens } = await stored(c.id);
    await (await auth.provider.AccessToken.find(tokens.accessToken))!.destroy();
    const refreshes = auth.count("token", "refresh_token");
    const calls = mcp.calls.length;

    const result = await a.client.callTool({ name: "echo", arguments: { after: "401" } });
    expect(result.content).toEqual([{ type: "text", text: JSON.stringify({ tool: "echo", arguments: { after: "401" } }) }]);
    expect(auth.count("token", "refresh_token")).toBe(refreshes + 1);
    const renewed = (await stored(c.id)).tokens.accessToken;
    expect(renewed).not.toBe(tokens.accessToken);
    // the refused attempt never ran the tool; the retry did, once
    expect(mcp.calls.length).toBe(calls + 1);
    expect(lastAuthorization()).toBe(`Bearer ${renewed}`);
    expect((await stored(c.id)).row.state).toBe("CONNECTED");
  });

  it("fails the call without a token in sight when the refresh is refused, and the connector is TOKEN_EXPIRED", async () => {
    const c = await connectedThroughConsent(gql, SLUG, callbackPrefix);
    const a = await agent(`${server.url}/mcp/${c.id}`, alice.key);
    const { tokens } = await stored(c.id);
    await (await auth.provider.AccessToken.find(tokens.accessToken))!.destroy();
    await (await auth.provider.RefreshToken.find(tokens.refreshToken!))!.destroy();
    const e = await rpcError(a.client.callTool({ name: "echo", arguments: {} }));
    expect(e).toMatchObject({ code: -32012, data: { reason: "TOKEN_EXPIRED", outcome: "ERROR" } });
    expect(e.message).toMatch(/^The connector's server failed: The provider refused to refresh the access token/);
    expect(JSON.stringify(e)).not.toMatch(new RegExp(`${tokens.accessToken}|${tokens.refreshToken}`));
    expect((await stored(c.id)).row.state).toBe("TOKEN_EXPIRED");
    expect((await rpcError(a.client.callTool({ name: "echo", arguments: {} }))).data).toMatchObject({ reason: "NOT_CONNECTED", state: "TOKEN_EXPIRED" });
  });
});
