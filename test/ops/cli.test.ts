import { describe, expect, it } from "vitest";
import { graphql } from "../gql/index.js";
import { graphqlClient, ok } from "../helpers/graphql.js";
import { cli, dataDir, startMain } from "./processes.js";

const CliWhoAmI = graphql(`
  query CliWhoAmI { viewer { role user { email } organization { slug } } }
`);
const lastLine = (text: string) => text.trim().split("\n").at(-1) ?? "";

describe("the administration CLI", () => {
  it("creates organizations, users and keys that a server started afterwards honours", { timeout: 240_000 }, async () => {
    const env = { DATA_DIR: await dataDir({ seeded: true }) };
    expect(await cli(env, "orgs", "create", "acme", "--name", "Acme")).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/organization acme \(org_\w+\)/),
    });
    expect(await cli(env, "users", "create", "ann@acme.test", "--org", "acme", "--role", "MEMBER")).toMatchObject({ code: 0 });

    // a key's role never exceeds its user's (issue 12): the CLI refuses as the API does
    expect(await cli(env, "keys", "create", "--org", "acme", "--user", "ann@acme.test", "--role", "ADMIN")).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("A key's role cannot exceed its user's"),
    });
    const annKey = await cli(env, "keys", "create", "--org", "acme", "--user", "ann@acme.test", "--role", "MEMBER");
    expect(annKey.code).toBe(0);
    expect(lastLine(annKey.stdout)).toMatch(/^pb_[\w-]{40,}$/);
    const robotKey = await cli(env, "keys", "create", "--org", "acme", "--role", "ADMIN", "--name", "robots");
    const robotKeyId = /API key (key_\w+)/.exec(robotKey.stdout)?.[1];
    expect(robotKeyId).toBeDefined();
    expect(await cli(env, "keys", "revoke", robotKeyId!)).toMatchObject({ code: 0, stdout: `revoked ${robotKeyId}\n` });

    const list = await cli(env, "keys", "list", "--org", "acme");
    expect(list.code).toBe(0);
    const rows = list.stdout.trim().split("\n");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/MEMBER\s+ann@acme\.test\s+active$/);
    expect(rows[1]).toMatch(new RegExp(`^${robotKeyId}\\s.*ADMIN\\s+\\(organization\\)\\s+revoked `));
    expect(list.stdout).not.toContain(lastLine(annKey.stdout));

    const server = await startMain(env);
    expect(server.output().stdout).not.toMatch(/Admin API key/);
    const ann = ok(await graphqlClient(server.url, lastLine(annKey.stdout)).run(CliWhoAmI));
    expect(ann.viewer).toEqual({ role: "MEMBER", user: { email: "ann@acme.test" }, organization: { slug: "acme" } });
    const revoked = await graphqlClient(server.url, lastLine(robotKey.stdout)).run(CliWhoAmI);
    expect(revoked.status).toBe(401);
    expect(revoked.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");

    const busy = await cli(env, "keys", "list", "--org", "acme");
    expect(busy.code).not.toBe(0);
    expect(busy.stderr).toMatch(/in use/);
    expect(busy.stderr).toMatch(/stop that process|PostgreSQL/);
    expect(await server.stop()).toBe(0);
  });

  it.each([
    ["no command", []],
    ["an unknown command", ["frobnicate"]],
    ["an unknown option", ["keys", "list", "--org", "acme", "--bogus"]],
  ])("exits non-zero with the usage for %s", { timeout: 120_000 }, async (_label, args) => {
    const result = await cli({ DATABASE_URL: "memory://" }, ...args);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/^Usage: /m);
    expect(result.stderr).toMatch(/keys create --org <slug>/);
  });
});
