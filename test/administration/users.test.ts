import { describe, expect, it } from "vitest";
import { cliAdministrator } from "../../src/administration/actor.js";
import { revokeApiKey } from "../../src/administration/api-keys.js";
import { prisma } from "../helpers/database.js";
import { team } from "../helpers/fixtures.js";
import { ok } from "../helpers/graphql.js";
import { createActor, startServer } from "../helpers/server.js";
import { CreateApiKey, CreateUser, DeactivateUser, Me, ReactivateUser, RevokeApiKey, UpdateUserRole, Users } from "./api.js";

describe("users in the API", async () => {
  const server = await startServer({ withCatalog: false });

  it("creates a user, refuses a second one with the same email in any case, and lists them newest first", async () => {
    const t = await team();
    const admin = server.as(t.alice.key);
    const email = `Dana.${t.organizationId.slice(-6)}@Example.test`;
    const created = ok(await admin.run(CreateUser, { input: { email: ` ${email} `, name: "Dana", role: "MEMBER" } })).createUser;
    expect(created).toMatchObject({ __typename: "CreateUserSuccess", user: { email, name: "Dana", role: "MEMBER", deactivatedAt: null } });
    const again = ok(await admin.run(CreateUser, { input: { email: email.toLowerCase(), role: "ADMIN" } })).createUser;
    expect(again).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: ["input", "email"], message: "The organization has a user with this email already" }] });
    const users = ok(await admin.run(Users, {})).users;
    expect(users.totalCount).toBe(3);
    expect(users.nodes[0].email).toBe(email);
    // the same email in another organization is another person's user there
    const other = await createActor();
    expect(ok(await server.as(other.key).run(CreateUser, { input: { email, role: "MEMBER" } })).createUser.__typename).toBe("CreateUserSuccess");
  });

  it.each([
    ["no @", "dana.example.test"],
    ["a space", "dana smith@example.test"],
    ["a NUL byte", "dana\u0000@example.test"],
    ["255 characters", `${"d".repeat(242)}@example.test`],
  ])("refuses an email with %s", async (_label, email) => {
    const admin = await createActor();
    const res = ok(await server.as(admin.key).run(CreateUser, { input: { email, role: "MEMBER" } })).createUser;
    expect(res).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: ["input", "email"] }] });
  });

  it("refuses a MEMBER every user write, and the users listing", async () => {
    const t = await team();
    const member = server.as(t.bob.key);
    expect(ok(await member.run(CreateUser, { input: { email: "x@example.test", role: "ADMIN" } })).createUser.__typename).toBe("ForbiddenError");
    expect(ok(await member.run(UpdateUserRole, { id: t.bob.userId!, role: "ADMIN" })).updateUserRole.__typename).toBe("ForbiddenError");
    expect(ok(await member.run(DeactivateUser, { id: t.alice.userId! })).deactivateUser.__typename).toBe("ForbiddenError");
    expect(ok(await member.run(ReactivateUser, { id: t.alice.userId! })).reactivateUser.__typename).toBe("ForbiddenError");
    expect((await member.run(Users, {})).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: t.bob.userId! } })).role).toBe("MEMBER");
  });

  it("treats another organization's user as nonexistent", async () => {
    const [ours, theirs] = await Promise.all([team(), team()]);
    const admin = server.as(ours.alice.key);
    const id = theirs.bob.userId!;
    expect(ok(await admin.run(UpdateUserRole, { id, role: "ADMIN" })).updateUserRole).toEqual({ __typename: "NotFoundError", message: `No user with id ${id}` });
    expect(ok(await admin.run(DeactivateUser, { id })).deactivateUser).toEqual({ __typename: "NotFoundError", message: `No user with id ${id}` });
    expect(ok(await admin.run(ReactivateUser, { id })).reactivateUser.__typename).toBe("NotFoundError");
    expect(await prisma.user.findUniqueOrThrow({ where: { id } })).toMatchObject({ role: "MEMBER", deactivatedAt: null });
  });

  it("lowers a demoted user's ADMIN keys to MEMBER, so no key exceeds its user", async () => {
    const t = await team();
    const admin = server.as(t.orgKey.key);
    expect(ok(await admin.run(UpdateUserRole, { id: t.alice.userId!, role: "MEMBER" })).updateUserRole).toMatchObject({ user: { role: "MEMBER" } });
    expect(ok(await server.as(t.alice.key).run(Me)).viewer.role).toBe("MEMBER");
    expect((await prisma.apiKey.findUniqueOrThrow({ where: { id: t.alice.keyId } })).role).toBe("MEMBER");
  });

  it("deactivating a user revokes their keys (401), and reactivating brings none back", async () => {
    const t = await team();
    const admin = server.as(t.alice.key);
    const extra = ok(await admin.run(CreateApiKey, { input: { role: "MEMBER", userId: t.bob.userId } })).createApiKey;
    if (extra.__typename !== "CreateApiKeySuccess") throw new Error(extra.__typename);
    const res = ok(await admin.run(DeactivateUser, { id: t.bob.userId! })).deactivateUser;
    expect(res).toMatchObject({ __typename: "DeactivateUserSuccess", user: { deactivatedAt: expect.any(String) } });
    for (const key of [t.bob.key, extra.key]) expect((await server.as(key).run(Me)).status).toBe(401);
    expect(ok(await admin.run(Users, { filter: { deactivated: true } })).users.nodes.map((u) => u.id)).toEqual([t.bob.userId]);
    // no new key for a deactivated user
    expect(ok(await admin.run(CreateApiKey, { input: { role: "MEMBER", userId: t.bob.userId } })).createApiKey).toMatchObject({ __typename: "ValidationError" });
    expect(ok(await admin.run(DeactivateUser, { id: t.bob.userId! })).deactivateUser.__typename).toBe("ValidationError");

    expect(ok(await admin.run(ReactivateUser, { id: t.bob.userId! })).reactivateUser).toMatchObject({ user: { deactivatedAt: null } });
    expect((await server.as(t.bob.key).run(Me)).status).toBe(401);
    expect(ok(await admin.run(ReactivateUser, { id: t.bob.userId! })).reactivateUser).toMatchObject({ __typename: "ValidationError", message: "The user is active" });
  });

  describe("the last way in as an ADMIN", () => {
    it("refuses to revoke the last ADMIN key, demote or deactivate the last ADMIN, and allows it once another exists", async () => {
      const alone = await createActor({ role: "ADMIN" });
      const admin = server.as(alone.key);
      const refusal = { __typename: "ValidationError", message: expect.stringMatching(/would leave the organization without an ADMIN/) };
      expect(ok(await admin.run(RevokeApiKey, { id: alone.keyId })).revokeApiKey).toMatchObject(refusal);
      expect(ok(await admin.run(UpdateUserRole, { id: alone.userId!, role: "MEMBER" })).updateUserRole).toMatchObject(refusal);
      expect(ok(await admin.run(DeactivateUser, { id: alone.userId! })).deactivateUser).toMatchObject(refusal);
      // a MEMBER key of theirs is no way in as an ADMIN
      const member = ok(await admin.run(CreateApiKey, { input: { role: "MEMBER", userId: alone.userId } })).createApiKey;
      expect(member.__typename).toBe("CreateApiKeySuccess");
      expect(ok(await admin.run(RevokeApiKey, { id: alone.keyId })).revokeApiKey).toMatchObject(refusal);
      expect(ok(await server.as(alone.key).run(Me)).viewer.role).toBe("ADMIN");

      // a second ADMIN key: the first may go now, and the second one is then the last
      const second = ok(await admin.run(CreateApiKey, { input: { role: "ADMIN", name: "spare" } })).createApiKey;
      if (second.__typename !== "CreateApiKeySuccess") throw new Error(second.__typename);
      expect(ok(await admin.run(RevokeApiKey, { id: alone.keyId })).revokeApiKey.__typename).toBe("RevokeApiKeySuccess");
      const spare = server.as(second.key);
      expect(ok(await spare.run(RevokeApiKey, { id: second.apiKey.id })).revokeApiKey).toMatchObject(refusal);
      // an ADMIN who signs in with the identity provider is a way in too
      await prisma.user.update({ where: { id: alone.userId! }, data: { oidcIssuer: "https://idp.example.test", oidcSubject: `s-${alone.userId}` } });
      expect(ok(await spare.run(RevokeApiKey, { id: second.apiKey.id })).revokeApiKey.__typename).toBe("RevokeApiKeySuccess");
    });

    it("lets only one of two ADMIN keys revoking each other at once succeed", async () => {
      const org = await createActor({ role: "ADMIN", withUser: false });
      const other = await createActor({ organizationId: org.organizationId, role: "ADMIN", withUser: false });
      const results = await Promise.all([
        server.as(org.key).run(RevokeApiKey, { id: other.keyId }),
        server.as(other.key).run(RevokeApiKey, { id: org.keyId }),
      ]);
      // the loser is refused by the last-admin rule, or (had the winner committed before it was
      // authenticated) by its own key being revoked: never do both succeed
      const outcomes = results.map((r) => (r.status === 401 ? "401" : ok(r).revokeApiKey.__typename));
      expect(outcomes.filter((o) => o === "RevokeApiKeySuccess")).toHaveLength(1);
      expect(outcomes.filter((o) => o === "401" || o === "ValidationError")).toHaveLength(1);
      expect(await prisma.apiKey.count({ where: { organizationId: org.organizationId, revokedAt: null } })).toBe(1);
    });

    it("does not hold the CLI to it: it needs no key, and it is how an operator gets back in", async () => {
      const alone = await createActor({ role: "ADMIN" });
      const revoked = await revokeApiKey(prisma, cliAdministrator(alone.organizationId), alone.keyId);
      expect(revoked.revokedAt).not.toBeNull();
    });
  });
});
