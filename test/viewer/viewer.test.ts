import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "../helpers/database.js";
import { graphql } from "../gql/index.js";
import { graphqlClient, ok } from "../helpers/graphql.js";
import { createActor, startServer } from "../helpers/server.js";
import { eventually } from "../helpers/eventually.js";
import { closeAll, subscribeWs, wsClient } from "../helpers/subscriptions.js";
import { ConfigurationChanged } from "../subscriptions/documents.js";

const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      role
      user { id email role }
      organization { id slug name }
    }
  }
`);

describe("viewer and authentication", async () => {
  const server = await startServer();
  afterEach(closeAll);

  it("answers with the user, organization and role the API key stands for", async () => {
    const member = await createActor({ role: "MEMBER" });
    const data = ok(await server.as(member.key).run(ViewerQuery));
    expect(data.viewer.role).toBe("MEMBER");
    expect(data.viewer.user?.id).toBe(member.userId);
    expect(data.viewer.organization.id).toBe(member.organizationId);
  });

  it("gives an organization key without a user a null user", async () => {
    const orgKey = await createActor({ withUser: false, role: "ADMIN" });
    const data = ok(await server.as(orgKey.key).run(ViewerQuery));
    expect(data.viewer.user).toBeNull();
    expect(data.viewer.role).toBe("ADMIN");
  });

  it.each([
    ["no Authorization header", null, "MISSING_CREDENTIALS"],
    ["an unknown key", "pb_unknownunknownunknownunknownunknown", "INVALID_API_KEY"],
    // no OIDC_ISSUERS here: a JWT names an issuer this server does not trust
    ["a JWT", "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2lkcC5leGFtcGxlLnRlc3QifQ.c2ln", "UNKNOWN_ISSUER"],
  ])("answers HTTP 401 with a GraphQL error and its reason for %s", async (_label, key, reason) => {
    const res = await graphqlClient(server.url, key).run(ViewerQuery);
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions).toEqual({ code: "UNAUTHENTICATED", reason });
    expect(res.data ?? null).toBeNull();
  });

  it("refuses a key once it is revoked: HTTP 401, and a new graphql-ws socket closes with 4403", async () => {
    const member = await createActor({ role: "MEMBER" });
    ok(await server.as(member.key).run(ViewerQuery));
    // what `npm run cli -- keys revoke` writes, from another process: no event tells this server,
    // which trusts what it resolved for a second (src/auth/viewer-cache.ts)
    await prisma.apiKey.update({ where: { id: member.keyId }, data: { revokedAt: new Date() } });

    const res = await eventually(() => server.as(member.key).run(ViewerQuery), (r) => r.status === 401, "the revocation to take effect");
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.data ?? null).toBeNull();
    const ws = subscribeWs(wsClient(server.url, member.key), ConfigurationChanged, { id: "pconf_00000000000000000000000000" });
    expect(await ws.error()).toMatchObject({ code: 4403 });
  });

  it("serves GraphiQL's page without a key", async () => {
    const res = await fetch(`${server.url}/graphql`, { headers: { accept: "text/html" } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Plugboard");
  });
});
