import { describe, expect, it } from "vitest";
import { cliAdministrator } from "../../src/administration/actor.js";
import { createApiKey } from "../../src/administration/api-keys.js";
import { ValidationError } from "../../src/errors.js";
import { newId } from "../../src/db/ids.js";
import { prisma } from "../helpers/database.js";
import { team } from "../helpers/fixtures.js";
import { ok } from "../helpers/graphql.js";
import { createActor, startServer } from "../helpers/server.js";
import { ApiKeys, CreateApiKey, Me, RevokeApiKey } from "./api.js";

describe("API keys in the API", async () => {
  const server = await startServer({ withCatalog: false });

  it("creates a key whose secret is shown once and works, lists it without the secret, and revoke makes it 401", async () => {
    const t = await team();
    const admin = server.as(t.alice.key);
    const created = ok(await admin.run(CreateApiKey, { input: { name: "CI robot", role: "MEMBER", userId: t.bob.userId } })).createApiKey;
    if (created.__typename !== "CreateApiKeySuccess") throw new Error(JSON.stringify(created));
    expect(created.key).toMatch(/^pb_[\w-]{40,}$/);
    expect(created.apiKey).toMatchObject({ name: "CI robot", role: "MEMBER", prefix: created.key.slice(0, 10), revokedAt: null, user: { id: t.bob.userId } });
    expect(created.apiKey.id).toMatch(/^key_/);

    // the key shown once is a working credential: bob's, as a MEMBER
    expect(ok(await server.as(created.key).run(Me)).viewer).toMatchObject({ role: "MEMBER", user: { id: t.bob.userId } });

    const listed = await admin.raw("{ apiKeys(first: 100) { nodes { id name role prefix createdAt revokedAt } } }");
    expect(listed.errors).toBeUndefined();
    expect(listed.data.apiKeys.nodes.map((k: { id: string }) => k.id)).toContain(created.apiKey.id);
    expect(JSON.stringify(listed.data)).not.toContain(created.key);
    // newest first: the key just made leads
    expect(listed.data.apiKeys.nodes[0].id).toBe(created.apiKey.id);
    // no field of the schema gives the secret (or its hash) back
    const fields = await admin.raw('{ __type(name: "ApiKey") { fields { name } } }');
    expect(fields.data.__type.fields.map((f: { name: string }) => f.name).sort()).toEqual(["createdAt", "id", "name", "prefix", "revokedAt", "role", "user"]);

    const revoked = ok(await admin.run(RevokeApiKey, { id: created.apiKey.id })).revokeApiKey;
    expect(revoked).toMatchObject({ __typename: "RevokeApiKeySuccess", apiKey: { id: created.apiKey.id, revokedAt: expect.any(String) } });
    const after = await server.as(created.key).run(Me);
    expect([after.status, after.errors?.[0]?.extensions?.code, after.errors?.[0]?.extensions?.reason]).toEqual([401, "UNAUTHENTICATED", "INVALID_API_KEY"]);
    // revoking twice says so
    expect(ok(await admin.run(RevokeApiKey, { id: created.apiKey.id })).revokeApiKey).toMatchObject({ __typename: "ValidationError", message: expect.stringMatching(/revoked already/) });
  });

  it("filters and pages keys", async () => {
    const t = await team();
    const admin = server.as(t.alice.key);
    const made = [];
    for (const name of ["one", "two", "three"]) {
      const r = ok(await admin.run(CreateApiKey, { input: { name, role: "MEMBER", userId: t.bob.userId } })).createApiKey;
      if (r.__typename === "CreateApiKeySuccess") made.push(r.apiKey.id);
    }
    await admin.run(RevokeApiKey, { id: made[0] });
    const bobs = ok(await admin.run(ApiKeys, { filter: { userId: t.bob.userId, revoked: false }, first: 1 })).apiKeys;
    // bob's fixture key and two of the three work; newest first
    expect([bobs.totalCount, bobs.nodes.map((k) => k.name), bobs.pageInfo.hasNextPage]).toEqual([3, ["three"], true]);
    const next = ok(await admin.run(ApiKeys, { filter: { userId: t.bob.userId, revoked: false }, first: 5, after: bobs.pageInfo.endCursor })).apiKeys;
    expect(next.nodes.map((k) => k.id)).toEqual([made[1], t.bob.keyId]);
    const revoked = ok(await admin.run(ApiKeys, { filter: { revoked: true } })).apiKeys;
    expect(revoked.nodes.map((k) => k.id)).toEqual([made[0]]);
  });

  it("refuses a MEMBER: ForbiddenError for the writes, FORBIDDEN for the listing", async () => {
    const t = await team();
    const member = server.as(t.bob.key);
    expect(ok(await member.run(CreateApiKey, { input: { role: "MEMBER", userId: t.bob.userId } })).createApiKey).toMatchObject({
      __typename: "ForbiddenError",
      message: expect.stringMatching(/Only an ADMIN/),
    });
    expect(ok(await member.run(RevokeApiKey, { id: t.alice.keyId })).revokeApiKey.__typename).toBe("ForbiddenError");
    const listed = await member.run(ApiKeys, {});
    expect(listed.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(listed.data).toBeNull();
    expect(await prisma.apiKey.count({ where: { organizationId: t.organizationId } })).toBe(3);
  });

  it("treats another organization's key and user as nonexistent", async () => {
    const [ours, theirs] = await Promise.all([team(), team()]);
    const admin = server.as(ours.alice.key);
    const unknown = newId("key");
    for (const id of [theirs.bob.keyId, unknown, "not-an-id"]) {
      expect(ok(await admin.run(RevokeApiKey, { id })).revokeApiKey).toEqual({ __typename: "NotFoundError", message: `No API key with id ${id}` });
    }
    expect(ok(await admin.run(CreateApiKey, { input: { role: "MEMBER", userId: theirs.bob.userId } })).createApiKey).toEqual({
      __typename: "NotFoundError",
      message: `No user with id ${theirs.bob.userId}`,
    });
    expect((await prisma.apiKey.findUniqueOrThrow({ where: { id: theirs.bob.keyId } })).revokedAt).toBeNull();
    const listed = ok(await admin.run(ApiKeys, { first: 100 })).apiKeys.nodes.map((k) => k.id);
    expect(listed).not.toContain(theirs.alice.keyId);
  });

  it("refuses a key above its user's role, through GraphQL and the domain function the CLI calls", async () => {
    const t = await team();
    const res = ok(await server.as(t.alice.key).run(CreateApiKey, { input: { role: "ADMIN", userId: t.bob.userId } })).createApiKey;
    expect(res).toMatchObject({
      __typename: "ValidationError",
      message: "A key's role cannot exceed its user's: the user is a MEMBER",
      fieldErrors: [{ path: ["input", "role"] }],
    });
    await expect(createApiKey(prisma, cliAdministrator(t.organizationId), { role: "ADMIN", userId: t.bob.userId })).rejects.toThrow(ValidationError);
    expect(await prisma.apiKey.count({ where: { userId: t.bob.userId } })).toBe(1);
    // an organization key may be an ADMIN, and a MEMBER's key a MEMBER
    const orgKey = ok(await server.as(t.alice.key).run(CreateApiKey, { input: { role: "ADMIN" } })).createApiKey;
    expect(orgKey).toMatchObject({ __typename: "CreateApiKeySuccess", apiKey: { role: "ADMIN", user: null } });
  });

  it.each([
    ["a NUL byte", "robot\u0000"],
    ["a control character", "robot\nkey"],
    ["more than 100 characters", "x".repeat(101)],
  ])("refuses a name with %s", async (_label, name) => {
    const admin = await createActor();
    const res = ok(await server.as(admin.key).run(CreateApiKey, { input: { role: "MEMBER", name } })).createApiKey;
    expect(res).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: ["input", "name"] }] });
  });

  it("writes no created key into the server's logs", async () => {
    const admin = await createActor();
    const res = ok(await server.as(admin.key).run(CreateApiKey, { input: { role: "MEMBER", name: "log check" } })).createApiKey;
    if (res.__typename !== "CreateApiKeySuccess") throw new Error(res.__typename);
    await server.as(res.key).run(Me);
    await server.as(`${res.key}x`).run(Me);
    const logs = server.logs.join("");
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain(res.key);
    expect(logs).not.toContain(res.key.slice(10));
  });
});
