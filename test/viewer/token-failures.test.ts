import { decodeJwt } from "jose";
import { afterAll, describe, expect, it } from "vitest";
import { graphql } from "../gql/index.js";
import { ok } from "../helpers/graphql.js";
import { createOrganization, startServer } from "../helpers/server.js";
import { PLUGBOARD_API, startIdentityProvider } from "../servers/identity-provider.js";
import { issuers, post, refusal, slug } from "./sign-in.js";

const Me = graphql(`
  query Me {
    viewer { role user { id } organization { slug } }
  }
`);

const INVALID_TOKEN = /^Bearer error="invalid_token", error_description="[^"]+"$/;

// Each refusal is a 401 whose reason says what to do (sign in again, fix the configuration), with
// RFC 6750's challenge; never a 500, never data.
describe("tokens that do not verify", async () => {
  const idp = await startIdentityProvider();
  const stranger = await startIdentityProvider();
  afterAll(() => Promise.all([idp.stop(), stranger.stop()]));
  const org = slug("acme");
  const entry = { issuer: idp.issuer, audience: PLUGBOARD_API, organization: org, allowAutoCreate: true };
  // no cooldown: a token with an unknown kid makes the JWKS be fetched again at once
  // nothing cached: a token whose key is retired is refused at once, not a second later
  const server = await startServer({ app: { config: { oidc: { issuers: issuers(entry), jwksCooldownMs: 0 }, viewerCacheMs: 0 } } });
  // jose's default cooldown (30 s) between fetches for unknown kids
  const patient = await startServer({ app: { config: { oidc: { issuers: issuers(entry) } } } });
  // the identity provider on loopback is not allowed out to by this one's egress policy
  const walled = await startServer({ app: { config: { oidc: { issuers: issuers(entry) }, upstream: { egressAllowlist: "" } } } });
  await createOrganization(org);
  idp.accounts.set("ann", { email: "ann@example.test" });
  stranger.accounts.set("ann", { email: "ann@example.test" });

  const refused = async (url: string, token: string) => {
    const res = await post(url, token, Me);
    if (res.status === 401) expect(res.headers.get("www-authenticate")).toMatch(INVALID_TOKEN);
    return refusal(res);
  };
  const unauthenticated = (reason: string) => ({ status: 401, code: "UNAUTHENTICATED", reason, data: null });

  it("signs in with a good token, fetching the issuer's JWKS once for many requests", async () => {
    const before = idp.jwksFetches();
    for (let i = 0; i < 3; i++) {
      const { accessToken } = await idp.signIn("ann");
      expect(ok(await server.as(accessToken).run(Me)).viewer.organization.slug).toBe(org);
    }
    expect(idp.jwksFetches() - before).toBeLessThanOrEqual(1);
  });

  it("answers TOKEN_EXPIRED for an expired token", async () => {
    const { accessToken } = await idp.signIn("ann", { ttlSeconds: 1 });
    const exp = decodeJwt(accessToken).exp! * 1000;
    await new Promise((r) => setTimeout(r, Math.max(exp - Date.now(), 0) + 50));
    expect(await refused(server.url, accessToken)).toEqual(unauthenticated("TOKEN_EXPIRED"));
  });

  it("answers WRONG_AUDIENCE for a token issued for another API", async () => {
    const { accessToken } = await idp.signIn("ann", { resource: "https://another-api.example.test/" });
    expect(await refused(server.url, accessToken)).toEqual(unauthenticated("WRONG_AUDIENCE"));
  });

  it("answers UNKNOWN_KEY for a token signed by a key the issuer does not publish, after fetching its JWKS again", async () => {
    const before = idp.jwksFetches();
    const forged = await idp.forge({ sub: "ann", aud: PLUGBOARD_API, email: "ann@example.test" });
    expect(await refused(server.url, forged)).toEqual(unauthenticated("UNKNOWN_KEY"));
    expect(idp.jwksFetches() - before).toBe(1);
  });

  it("fetches the JWKS for unknown kids at most once per cooldown", async () => {
    ok(await patient.as((await idp.signIn("ann")).accessToken).run(Me));
    const before = idp.jwksFetches();
    for (let i = 0; i < 3; i++) {
      const forged = await idp.forge({ sub: "ann", aud: PLUGBOARD_API });
      expect(await refused(patient.url, forged)).toEqual(unauthenticated("UNKNOWN_KEY"));
    }
    expect(idp.jwksFetches()).toBe(before);
  });

  it("picks up a rotated key on its unknown kid, and refuses a retired one", async () => {
    const old = (await idp.signIn("ann")).accessToken;
    ok(await server.as(old).run(Me));
    await idp.rotateKeys();
    const before = idp.jwksFetches();
    const rotated = (await idp.signIn("ann")).accessToken;
    expect(ok(await server.as(rotated).run(Me)).viewer.organization.slug).toBe(org);
    expect(idp.jwksFetches() - before).toBe(1);
    // the old key is still published: its tokens still verify, from the cache
    ok(await server.as(old).run(Me));
    await idp.rotateKeys({ dropOld: true });
    expect(ok(await server.as((await idp.signIn("ann")).accessToken).run(Me)).viewer.user).not.toBeNull();
    expect(await refused(server.url, old)).toEqual(unauthenticated("UNKNOWN_KEY"));
  });

  it("answers INVALID_SIGNATURE for a token whose claims were changed, UNKNOWN_ISSUER for an issuer not configured, MALFORMED_TOKEN for three parts that are no JWT", async () => {
    const [header, , signature] = (await idp.signIn("ann")).accessToken.split(".");
    const claims = Buffer.from(JSON.stringify({ ...decodeJwt((await idp.signIn("ann")).accessToken), sub: "someone-else" })).toString("base64url");
    expect(await refused(server.url, `${header}.${claims}.${signature}`)).toEqual(unauthenticated("INVALID_SIGNATURE"));
    expect(await refused(server.url, (await stranger.signIn("ann")).accessToken)).toEqual(unauthenticated("UNKNOWN_ISSUER"));
    expect(await refused(server.url, "not.a.jwt")).toEqual(unauthenticated("MALFORMED_TOKEN"));
    // alg "none": no signature at all
    const unsigned = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${claims}.`;
    expect((await refused(server.url, unsigned)).status).toBe(401);
  });

  it("answers 503 ISSUER_UNAVAILABLE when the egress policy keeps the server from the JWKS, and says why in the log only", async () => {
    const before = idp.jwksFetches();
    const res = await post(walled.url, (await idp.signIn("ann")).accessToken, Me);
    expect(refusal(res)).toEqual({ status: 503, code: "UNAVAILABLE", reason: "ISSUER_UNAVAILABLE", data: null });
    expect(res.headers.get("retry-after")).toBe("5");
    expect(res.body.errors?.[0]?.message).not.toMatch(/127\.0\.0\.1|policy/);
    expect(idp.jwksFetches()).toBe(before);
    expect(walled.logs.join("")).toMatch(/ISSUER_UNAVAILABLE.*refused by policy/);
  });
});
