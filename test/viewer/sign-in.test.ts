import { afterAll, describe, expect, it } from "vitest";
import { newId } from "../../src/db/ids.js";
import { graphql } from "../gql/index.js";
import { onQuery, prisma } from "../helpers/database.js";
import { connector } from "../helpers/fixtures.js";
import { ok } from "../helpers/graphql.js";
import { createActor, createOrganization, startServer } from "../helpers/server.js";
import { FRONTEND_CLIENT, PLUGBOARD_API, startIdentityProvider } from "../servers/identity-provider.js";
import { issuers, post, refusal, slug } from "./sign-in.js";

const SignedIn = graphql(`
  query SignedIn {
    viewer { role user { id email name role } organization { id slug } }
  }
`);

const Role = graphql(`
  query Role {
    viewer { role }
  }
`);

const TenantData = graphql(`
  query TenantData($other: ID!) {
    viewer { organization { slug } }
    connectors(first: 50) { totalCount edges { node { id scope } } }
    connector(id: $other) { id }
    node(id: $other) { id }
  }
`);

// one identity provider, four entries of OIDC_ISSUERS, told apart by the tokens' audience
const CLOSED_API = "https://closed.plugboard.test/graphql";
const SHARED_API = "https://shared.plugboard.test/graphql";

describe("sign-in with the identity provider's tokens (GraphQL over HTTP)", async () => {
  const idp = await startIdentityProvider();
  afterAll(() => idp.stop());
  const open = slug("open");
  const closed = slug("closed");
  const outside = slug("outside");
  const server = await startServer({
    app: {
      config: {
        oidc: {
          issuers: issuers(
            { issuer: idp.issuer, audience: PLUGBOARD_API, organization: open, allowAutoCreate: true, roleClaim: "roles", roleMapping: { "plugboard-admins": "ADMIN" } },
            { issuer: idp.issuer, audience: FRONTEND_CLIENT, organization: open, allowAutoCreate: true },
            { issuer: idp.issuer, audience: CLOSED_API, organization: closed },
            { issuer: idp.issuer, audience: SHARED_API, organizationClaim: "tenant", organizations: [open, closed], allowAutoCreate: true },
          ),
        },
      },
    },
  });
  const orgs = Object.fromEntries(await Promise.all([open, closed, outside].map(async (s) => [s, await createOrganization(s)] as const)));
  const person = (sub: string, claims: Record<string, unknown> = {}) => {
    idp.accounts.set(sub, { email: `${sub}@example.test`, email_verified: true, name: `Person ${sub}`, ...claims });
    return sub;
  };
  const viewerWith = async (token: string) => ok(await server.as(token).run(SignedIn)).viewer;

  it("creates a MEMBER user at first sign-in from the token's claims, and finds the same user the next time", async () => {
    const sub = person(slug("sub"));
    const first = await viewerWith((await idp.signIn(sub)).accessToken);
    expect(first).toMatchObject({ role: "MEMBER", organization: { slug: open }, user: { email: `${sub}@example.test`, name: `Person ${sub}`, role: "MEMBER" } });
    const again = await viewerWith((await idp.signIn(sub)).accessToken);
    expect(again.user?.id).toBe(first.user?.id);
    const rows = await prisma.user.findMany({ where: { oidcSubject: sub } });
    expect(rows.map((u) => [u.organizationId, u.oidcIssuer])).toEqual([[orgs[open].id, idp.issuer]]);
  });

  it("makes one user of two first sign-ins at once", async () => {
    const sub = person(slug("sub"));
    const tokens = await Promise.all([idp.signIn(sub), idp.signIn(sub), idp.signIn(sub)]);
    const viewers = await Promise.all(tokens.map((t) => viewerWith(t.accessToken)));
    expect(new Set(viewers.map((v) => v.user?.id)).size).toBe(1);
    expect(await prisma.user.count({ where: { oidcSubject: sub } })).toBe(1);
  });

  it("takes the role from the configured claim at every sign-in", async () => {
    const sub = person(slug("sub"), { roles: ["staff", "plugboard-admins"] });
    const admin = await viewerWith((await idp.signIn(sub)).accessToken);
    expect([admin.role, admin.user?.role]).toEqual(["ADMIN", "ADMIN"]);
    // the provider removes the group: the next sign-in is a MEMBER, and so is the stored user
    idp.accounts.get(sub)!.roles = ["staff"];
    const member = await viewerWith((await idp.signIn(sub)).accessToken);
    expect([member.role, member.user?.id]).toEqual(["MEMBER", admin.user?.id]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.user!.id } })).role).toBe("MEMBER");
  });

  it("accepts the frontend's ID token where its client id is a configured audience", async () => {
    const sub = person(slug("sub"));
    const viewer = await viewerWith((await idp.signIn(sub)).idToken);
    expect(viewer).toMatchObject({ role: "MEMBER", organization: { slug: open }, user: { email: `${sub}@example.test` } });
  });

  it("refuses a person the organization has no user for when it adds no one (403 SIGN_UP_CLOSED), and signs in one an admin added by email", async () => {
    const sub = person(slug("sub"));
    const refused = await post(server.url, (await idp.signIn(sub, { resource: CLOSED_API })).accessToken, SignedIn);
    expect(refusal(refused)).toEqual({ status: 403, code: "FORBIDDEN", reason: "SIGN_UP_CLOSED", data: null });
    expect(await prisma.user.count({ where: { organizationId: orgs[closed].id } })).toBe(0);

    // what `npm run cli -- users create <email> --org <slug> --role ADMIN` writes
    const invited = await prisma.user.create({ data: { id: newId("user"), organizationId: orgs[closed].id, email: `${sub}@example.test`, role: "ADMIN" } });
    const viewer = await viewerWith((await idp.signIn(sub, { resource: CLOSED_API })).accessToken);
    expect([viewer.user?.id, viewer.role, viewer.organization.slug]).toEqual([invited.id, "ADMIN", closed]);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: invited.id } })).toMatchObject({ oidcIssuer: idp.issuer, oidcSubject: sub });
  });

  it("links no user by an email the provider calls unverified, nor one linked to someone else (403 EMAIL_IN_USE)", async () => {
    const email = `${slug("mail")}@example.test`;
    await prisma.user.create({ data: { id: newId("user"), organizationId: orgs[closed].id, email, role: "ADMIN" } });
    const unverified = person(slug("sub"), { email, email_verified: false });
    const res = await post(server.url, (await idp.signIn(unverified, { resource: CLOSED_API })).accessToken, SignedIn);
    expect(refusal(res)).toEqual({ status: 403, code: "FORBIDDEN", reason: "EMAIL_IN_USE", data: null });

    const owner = person(slug("sub"), { email });
    await viewerWith((await idp.signIn(owner, { resource: CLOSED_API })).accessToken);
    const impostor = person(slug("sub"), { email });
    expect(refusal(await post(server.url, (await idp.signIn(impostor, { resource: CLOSED_API })).accessToken, SignedIn)).reason).toBe("EMAIL_IN_USE");
  });

  it("maps an organization claim only to the organizations listed for it (403 UNKNOWN_ORGANIZATION otherwise)", async () => {
    const inClosed = person(slug("sub"), { tenant: closed });
    const viewer = await viewerWith((await idp.signIn(inClosed, { resource: SHARED_API })).accessToken);
    expect([viewer.organization.slug, viewer.role]).toEqual([closed, "MEMBER"]);
    for (const tenant of [outside, "no-such-organization"]) {
      const sub = person(slug("sub"), { tenant });
      const res = await post(server.url, (await idp.signIn(sub, { resource: SHARED_API })).accessToken, SignedIn);
      expect(refusal(res)).toEqual({ status: 403, code: "FORBIDDEN", reason: "UNKNOWN_ORGANIZATION", data: null });
    }
    const untenanted = person(slug("sub"));
    const res = await post(server.url, (await idp.signIn(untenanted, { resource: SHARED_API })).accessToken, SignedIn);
    expect(refusal(res)).toMatchObject({ status: 401, code: "UNAUTHENTICATED", reason: "INVALID_CLAIMS" });
    expect(res.body.errors?.[0]?.message).toContain('"tenant"');
  });

  it("keeps a signed-in person to their organization, and their PERSONAL connectors to themselves", async () => {
    const theirs = await connector(orgs[outside].id, { scope: "TEAM" });
    const team = await connector(orgs[open].id, { scope: "TEAM" });
    const sub = person(slug("sub"));
    const token = (await idp.signIn(sub)).accessToken;
    const me = (await viewerWith(token)).user!;
    const mine = await connector(orgs[open].id, { scope: "PERSONAL", createdById: me.id });
    const keyOnly = await createActor({ organizationId: orgs[open].id, withUser: false });
    const keys = await connector(orgs[open].id, { scope: "PERSONAL", ownerApiKeyId: keyOnly.keyId });

    const data = ok(await server.as(token).run(TenantData, { other: theirs.id }));
    const seen = data.connectors.edges.map((e) => e.node.id);
    expect(seen).toEqual(expect.arrayContaining([team.id, mine.id]));
    expect(seen).not.toContain(theirs.id);
    expect(seen).not.toContain(keys.id);
    expect([data.connector, data.node, data.viewer.organization.slug]).toEqual([null, null, open]);
    // the organization's key without a user sees the TEAM connector and its own, not the person's
    const byKey = ok(await server.as(keyOnly.key).run(TenantData, { other: mine.id }));
    expect(byKey.connectors.edges.map((e) => e.node.id)).toEqual(expect.arrayContaining([team.id, keys.id]));
    expect([byKey.connector, byKey.node]).toEqual([null, null]);
  });

  it("costs a signed-in request one SQL statement for its viewer, as an API key does", async () => {
    const sub = person(slug("sub"));
    const token = (await idp.signIn(sub)).accessToken;
    ok(await server.as(token).run(Role)); // the first sign-in makes the user
    const key = (await createActor({ organizationId: orgs[open].id, role: "MEMBER" })).key;
    const statements = async (credential: string) => {
      let n = 0;
      const stop = onQuery(() => n++);
      expect(ok(await server.as(credential).run(Role)).viewer.role).toBe("MEMBER");
      stop();
      return n;
    };
    // a token (or key) seen for the first time; asked again, at most that one (none while the
    // viewer cache trusts it: test/viewer/viewer-cache.test.ts holds that on a server that trusts for a minute)
    const fresh = (await idp.signIn(sub)).accessToken;
    expect([await statements(fresh), await statements(key)]).toEqual([1, 1]);
    expect([await statements(fresh), await statements(key)].every((n) => n <= 1)).toBe(true);
  });
});
