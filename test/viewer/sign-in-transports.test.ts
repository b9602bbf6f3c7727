import { NetworkError } from "graphql-sse";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { agent } from "../gateway/agent.js";
import { connector } from "../helpers/fixtures.js";
import { createOrganization, startServer } from "../helpers/server.js";
import { closeAll, subscribeSse, subscribeWs, wsClient } from "../helpers/subscriptions.js";
import { PLUGBOARD_API, startIdentityProvider } from "../servers/identity-provider.js";
import { StateChanged } from "../subscriptions/documents.js";
import { issuers, slug } from "./sign-in.js";

const close = (e: unknown) => [(e as { code?: number }).code, (e as { reason?: string }).reason];

// The same token works on every transport: graphql-ws (connectionParams) and SSE (the header).
describe("sign-in tokens on graphql-ws, SSE and the MCP gateway", async () => {
  const idp = await startIdentityProvider();
  afterAll(() => idp.stop());
  const org = slug("acme");
  const other = slug("other");
  const config = { oidc: { issuers: issuers({ issuer: idp.issuer, audience: PLUGBOARD_API, organization: org, allowAutoCreate: true }) } };
  const server = await startServer({ app: { config } });
  const limited = await startServer({ app: { config, limits: { connectionsPerApiKey: 1 } } });
  const { id: orgId } = await createOrganization(org);
  const { id: otherId } = await createOrganization(other);
  for (const sub of ["ann", "bob"]) idp.accounts.set(sub, { email: `${sub}@${org}.example.test` });
  afterEach(closeAll);

  it("subscribes over graphql-ws with the token in connectionParams, and over SSE with it in the header", async () => {
    const c = await connector(orgId);
    const token = (await idp.signIn("ann")).accessToken;
    expect((await subscribeWs(wsClient(server.url, token), StateChanged, { id: c.id }).next()).connectorStateChanged.id).toBe(c.id);
    expect((await subscribeSse(server.url, token, StateChanged, { id: c.id }).next()).connectorStateChanged.id).toBe(c.id);
  });

  it("sees no other organization's connector on either transport", async () => {
    const theirs = await connector(otherId);
    const token = (await idp.signIn("ann")).accessToken;
    for (const received of [subscribeWs(wsClient(server.url, token), StateChanged, { id: theirs.id }), subscribeSse(server.url, token, StateChanged, { id: theirs.id })]) {
      expect((await received.result()).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    }
  });

  it("closes graphql-ws with 4403 and the reason code for a token that does not verify; SSE answers 401", async () => {
    const c = await connector(orgId);
    const wrong = (await idp.signIn("ann", { resource: "https://another-api.example.test/" })).accessToken;
    const ws = await subscribeWs(wsClient(server.url, wrong), StateChanged, { id: c.id }).error();
    expect(close(ws)).toEqual([4403, expect.stringMatching(/^Forbidden: WRONG_AUDIENCE: /)]);
    const sse = await subscribeSse(server.url, wrong, StateChanged, { id: c.id }).error();
    expect(sse).toBeInstanceOf(NetworkError);
    expect((sse as NetworkError).response?.status).toBe(401);
  });

  it("lets an agent in to the MCP gateway with the token, on its organization's connectors only", async () => {
    const c = await connector(orgId, { state: "CONNECTED", tools: [{ name: "lookup" }] });
    const theirs = await connector(otherId, { state: "CONNECTED", tools: [{ name: "lookup" }] });
    const token = (await idp.signIn("ann")).accessToken;
    const a = await agent(`${server.url}/mcp/${c.id}`, token);
    expect((await a.client.listTools()).tools.map((t) => t.name)).toEqual(["lookup"]);
    await expect(agent(`${server.url}/mcp/${theirs.id}`, token)).rejects.toThrow(/No connector with id/);
    const wrong = (await idp.signIn("ann", { resource: "https://another-api.example.test/" })).accessToken;
    const refused = await fetch(`${server.url}/mcp/${c.id}`, {
      method: "POST",
      headers: { authorization: `Bearer ${wrong}`, "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "t", version: "1" } } }),
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toMatch(/error="invalid_token"/);
  });

  it("closes a socket with 4403 TOKEN_EXPIRED when its token expires", async () => {
    const c = await connector(orgId);
    const token = (await idp.signIn("ann", { ttlSeconds: 2 })).accessToken;
    const received = subscribeWs(wsClient(server.url, token), StateChanged, { id: c.id });
    await received.next();
    expect(close(await received.error())).toEqual([4403, expect.stringMatching(/^Forbidden: TOKEN_EXPIRED/)]);
  });

  it("bounds connections per signed-in person, across their tokens and transports", async () => {
    const c = await connector(orgId);
    await subscribeWs(wsClient(limited.url, (await idp.signIn("ann")).accessToken), StateChanged, { id: c.id }).next();
    const second = (await idp.signIn("ann")).accessToken;
    expect(close(await subscribeWs(wsClient(limited.url, second), StateChanged, { id: c.id }).error())).toEqual([4429, expect.stringContaining("Too many connections")]);
    expect((await subscribeSse(limited.url, second, StateChanged, { id: c.id }).result()).errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    // another person is not counted against ann
    await subscribeWs(wsClient(limited.url, (await idp.signIn("bob")).accessToken), StateChanged, { id: c.id }).next();
  });
});
