import { describe, expect, it } from "vitest";
import { readEnv } from "../../src/env.js";
import { presetServer } from "../../src/oauth/preset-server.js";

const zendesk = {
  slug: "zendesk",
  oauthScopes: ["tickets:read"],
  oauth: {
    authorizationUrl: "https://{subdomain}.zendesk.com/oauth/authorizations/new",
    tokenUrl: "https://{subdomain}.zendesk.com/oauth/tokens",
  },
};
const connector = (over: object = {}) => ({ clientId: null, clientSecretEnc: null, configuration: { subdomain: "acme" }, ...over });
const REDIRECT = "https://plugboard.example.test/oauth/callback";

describe("a preset's OAuth endpoints and client", () => {
  it("fills placeholders from the connector's configuration", () => {
    const s = presetServer(zendesk, connector(), { zendesk: { clientId: "zd", clientSecret: "s" } }, REDIRECT)!;
    expect(s).toMatchObject({
      authorizationEndpoint: "https://acme.zendesk.com/oauth/authorizations/new",
      tokenEndpoint: "https://acme.zendesk.com/oauth/tokens",
      revocationEndpoint: null,
      clientId: "zd",
      clientSecretFrom: "environment",
      tokenEndpointAuthMethod: "client_secret_post",
      scopes: ["tickets:read"],
      resource: null,
      redirectUri: REDIRECT,
    });
  });

  it("keeps a configuration value inside its URL component", () => {
    const clients = { zendesk: { clientId: "zd" } };
    const evil = connector({ configuration: { subdomain: "evil.example/x?" } });
    expect(() => presetServer(zendesk, evil, clients, REDIRECT)).toThrow(expect.objectContaining({ name: "ValidationError" }));
    const dotted = presetServer(zendesk, connector({ configuration: { subdomain: "evil.example" } }), clients, REDIRECT)!;
    expect(new URL(dotted.authorizationEndpoint).hostname).toBe("evil.example.zendesk.com");
  });

  it("names the configuration value an endpoint needs when it is missing", () => {
    expect(() => presetServer(zendesk, connector({ configuration: {} }), { zendesk: { clientId: "zd" } }, REDIRECT)).toThrow(
      expect.objectContaining({ name: "ValidationError", fieldErrors: [{ path: ["configuration", "subdomain"], message: expect.any(String) }] }),
    );
  });

  it("takes the connector's client, then OAUTH_CLIENTS, then the catalog's; none means discovery", () => {
    const withCatalogClient = { ...zendesk, oauth: { ...zendesk.oauth, clientId: "catalog" } };
    const own = connector({ clientId: "own", clientSecretEnc: "sealed" });
    expect(presetServer(withCatalogClient, own, { zendesk: { clientId: "env" } }, REDIRECT)).toMatchObject({ clientId: "own", clientSecretFrom: "connector" });
    expect(presetServer(withCatalogClient, connector(), { zendesk: { clientId: "env" } }, REDIRECT)).toMatchObject({ clientId: "env", clientSecretFrom: "none", tokenEndpointAuthMethod: "none" });
    expect(presetServer(withCatalogClient, connector(), {}, REDIRECT)).toMatchObject({ clientId: "catalog", clientSecretFrom: "none" });
    expect(presetServer(zendesk, connector(), {}, REDIRECT)).toBeNull();
  });

  it("reads OAUTH_CLIENTS as JSON and refuses anything else", () => {
    expect(readEnv({ OAUTH_CLIENTS: '{"github":{"clientId":"Iv1.x","clientSecret":"s"}}' }).OAUTH_CLIENTS).toEqual({
      github: { clientId: "Iv1.x", clientSecret: "s" },
    });
    expect(readEnv({}).OAUTH_CLIENTS).toEqual({});
    expect(() => readEnv({ OAUTH_CLIENTS: "github=abc" })).toThrow(/OAUTH_CLIENTS: must be JSON/);
    expect(() => readEnv({ OAUTH_CLIENTS: '{"github":{}}' })).toThrow(/OAUTH_CLIENTS/);
  });
});
