import { afterAll, afterEach, describe, expect, it } from "vitest";
import { cliAdministrator } from "../../src/administration/actor.js";
import { createUser, deactivateUser } from "../../src/administration/users.js";
import { StateChanged } from "../subscriptions/documents.js";
import { prisma } from "../helpers/database.js";
import { connector } from "../helpers/fixtures.js";
import { closeAll, subscribeWs, wsClient } from "../helpers/subscriptions.js";
import { ok } from "../helpers/graphql.js";
import { createActor, createOrganization, startServer } from "../helpers/server.js";
import { PLUGBOARD_API, startIdentityProvider } from "../servers/identity-provider.js";
import { issuers, post, refusal, slug } from "../viewer/sign-in.js";
import { CreateApiKey, DeactivateUser, Me, ReactivateUser } from "./api.js";

// a second entry of the same provider, whose tokens for this audience carry the role
const ROLES_API = "https://roles.plugboard.test/graphql";

describe("a deactivated user and sign-in with the identity provider", async () => {
  const idp = await startIdentityProvider();
  afterAll(() => idp.stop());
  const orgSlug = slug("admin");
  const server = await startServer({
    withCatalog: false,
    app: {
      config: {
        oidc: {
          issuers: issuers(
            { issuer: idp.issuer, audience: PLUGBOARD_API, organization: orgSlug, allowAutoCreate: true },
            { issuer: idp.issuer, audience: ROLES_API, organization: orgSlug, allowAutoCreate: true, roleClaim: "roles", roleMapping: { admins: "ADMIN" } },
          ),
        },
      },
      // open sockets' credentials are checked again this often
      limits: { keyRecheckMs: 50 },
    },
  });
  afterEach(closeAll);
  const org = await createOrganization(orgSlug);
  const admin = await createActor({ organizationId: org.id, role: "ADMIN" });
  const person = (sub: string) => {
    idp.accounts.set(sub, { email: `${sub}@example.test`, email_verified: true, name: `Person ${sub}` });
    return sub;
  };

  it("refuses a deactivated user's sign-in with 401 USER_DEACTIVATED, and lets them in again once reactivated", async () => {
    const sub = person(slug("sub"));
    const first = ok(await server.as((await idp.signIn(sub)).accessToken).run(Me)).viewer;
    const userId = first.user!.id;
    expect(ok(await server.as(admin.key).run(DeactivateUser, { id: userId })).deactivateUser.__typename).toBe("DeactivateUserSuccess");

    const refused = await post(server.url, (await idp.signIn(sub)).accessToken, Me);
    expect(refusal(refused)).toEqual({ status: 401, code: "UNAUTHENTICATED", reason: "USER_DEACTIVATED", data: null });
    expect(refused.headers.get("www-authenticate")).toMatch(/invalid_token/);
    expect(server.logs.join("")).toMatch(/USER_DEACTIVATED/);

    expect(ok(await server.as(admin.key).run(ReactivateUser, { id: userId })).reactivateUser.__typename).toBe("ReactivateUserSuccess");
    expect(ok(await server.as((await idp.signIn(sub)).accessToken).run(Me)).viewer.user?.id).toBe(userId);
  });

  it("refuses the first sign-in of a user an admin added and deactivated before they ever signed in", async () => {
    const sub = person(slug("sub"));
    const cli = cliAdministrator(org.id);
    const invited = await createUser(prisma, cli, { email: `${sub}@example.test`, role: "MEMBER" });
    await deactivateUser(prisma, cli, invited.id);
    const refused = await post(server.url, (await idp.signIn(sub)).accessToken, Me);
    expect(refusal(refused)).toMatchObject({ status: 401, reason: "USER_DEACTIVATED" });
    // not linked, and no second user made for the email
    expect(await prisma.user.findMany({ where: { organizationId: org.id, email: `${sub}@example.test` } })).toMatchObject([{ id: invited.id, oidcSubject: null }]);
  });

  it("closes the graphql-ws sockets of a signed-in user who is deactivated while they are open (4403)", async () => {
    const sub = person(slug("sub"));
    const token = (await idp.signIn(sub)).accessToken;
    const userId = ok(await server.as(token).run(Me)).viewer.user!.id;
    const c = await connector(org.id, { presetSlug: null });
    const open = subscribeWs(wsClient(server.url, token), StateChanged, { id: c.id });
    await open.next();
    expect(ok(await server.as(admin.key).run(DeactivateUser, { id: userId })).deactivateUser.__typename).toBe("DeactivateUserSuccess");
    const closed = (await open.error()) as { code?: number; reason?: string };
    expect([closed.code, closed.reason]).toEqual([4403, "Forbidden: the API key was revoked or the user deactivated"]);
  });

  it("lowers a person's ADMIN keys when the identity provider makes them a MEMBER at sign-in", async () => {
    const sub = person(slug("sub"));
    idp.accounts.get(sub)!.roles = ["admins"];
    const signedIn = ok(await server.as((await idp.signIn(sub, { resource: ROLES_API })).accessToken).run(Me)).viewer;
    expect(signedIn.role).toBe("ADMIN");
    const made = ok(await server.as(admin.key).run(CreateApiKey, { input: { role: "ADMIN", userId: signedIn.user!.id } })).createApiKey;
    if (made.__typename !== "CreateApiKeySuccess") throw new Error(made.__typename);
    idp.accounts.get(sub)!.roles = [];
    expect(ok(await server.as((await idp.signIn(sub, { resource: ROLES_API })).accessToken).run(Me)).viewer.role).toBe("MEMBER");
    expect(ok(await server.as(made.key).run(Me)).viewer.role).toBe("MEMBER");
  });
});
