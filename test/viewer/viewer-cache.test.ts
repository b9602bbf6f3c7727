import { describe, expect, it } from "vitest";
import { graphql } from "../gql/index.js";
import { onQuery, prisma } from "../helpers/database.js";
import { team } from "../helpers/fixtures.js";
import { ok } from "../helpers/graphql.js";
import { startServer } from "../helpers/server.js";
import { RevokeApiKey } from "../administration/api.js";

const Role = graphql(`
  query ViewerCacheRole { viewer { role } }
`);

// a server that trusts what it resolved for a minute, so that only the cache can explain a request
// that reads nothing, and only a published revocation a refusal within that minute
describe("the viewer cache", async () => {
  const server = await startServer({ app: { config: { viewerCacheMs: 60_000 } } });

  const statements = async (key: string) => {
    let n = 0;
    const stop = onQuery(() => n++);
    const res = await server.as(key).run(Role);
    stop();
    return { n, status: res.status };
  };

  it("resolves a key once, then answers it without the database", async () => {
    const { bob } = await team();
    expect(await statements(bob.key)).toEqual({ n: 1, status: 200 });
    expect(await statements(bob.key)).toEqual({ n: 0, status: 200 });
  });

  it("trusts a key the CLI revoked until its time is up, and forgets one revoked through the API at once", async () => {
    const { bob, orgKey } = await team();
    await statements(bob.key);
    // written by another process: nothing tells this server within the minute
    await prisma.apiKey.update({ where: { id: bob.keyId }, data: { revokedAt: new Date() } });
    expect((await statements(bob.key)).status).toBe(200);
    await prisma.apiKey.update({ where: { id: bob.keyId }, data: { revokedAt: null } });

    ok(await server.as(orgKey.key).run(RevokeApiKey, { id: bob.keyId }));
    expect(await statements(bob.key)).toMatchObject({ status: 401 });
  });
});
