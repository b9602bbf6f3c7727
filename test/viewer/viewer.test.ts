import { describe, expect, it } from "vitest";
import { graphql } from "../gql/index.js";
import { graphqlClient, ok } from "../helpers/graphql.js";
import { createActor, startServer } from "../helpers/server.js";

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
    ["no Authorization header", null],
    ["an unknown key", "pb_unknownunknownunknownunknownunknown"],
  ])("answers HTTP 401 with a GraphQL error for %s", async (_label, key) => {
    const res = await graphqlClient(server.url, key).run(ViewerQuery);
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.data ?? null).toBeNull();
  });

  it("serves GraphiQL's page without a key", async () => {
    const res = await fetch(`${server.url}/graphql`, { headers: { accept: "text/html" } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Plugboard");
  });
});
