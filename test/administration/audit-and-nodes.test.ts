import { describe, expect, it } from "vitest";
import { cliAdministrator } from "../../src/administration/actor.js";
import { createUser } from "../../src/administration/users.js";
import { newId } from "../../src/db/ids.js";
import { prisma } from "../helpers/database.js";
import { team } from "../helpers/fixtures.js";
import { ok } from "../helpers/graphql.js";
import { startServer } from "../helpers/server.js";
import { AdminNodes, AuditEvents, CreateApiKey, CreateUser, DeactivateUser, RevokeApiKey, UpdateUserRole } from "./api.js";

describe("the audit trail and node loading of keys, users and audit events", async () => {
  const server = await startServer({ withCatalog: false });

  it("records every administration write with its actor, newest first, without secrets", async () => {
    const t = await team();
    const admin = server.as(t.alice.key);
    const key = ok(await admin.run(CreateApiKey, { input: { role: "MEMBER", name: "robot", userId: t.bob.userId } })).createApiKey;
    if (key.__typename !== "CreateApiKeySuccess") throw new Error(key.__typename);
    await admin.run(RevokeApiKey, { id: key.apiKey.id });
    const user = ok(await admin.run(CreateUser, { input: { email: `e-${t.organizationId}@example.test`, role: "MEMBER" } })).createUser;
    if (user.__typename !== "CreateUserSuccess") throw new Error(user.__typename);
    await server.as(t.orgKey.key).run(UpdateUserRole, { id: user.user.id, role: "ADMIN" });
    await admin.run(DeactivateUser, { id: t.bob.userId! });
    // refused writes leave no trace
    await server.as(t.bob.key).run(CreateApiKey, { input: { role: "MEMBER" } });
    await createUser(prisma, cliAdministrator(t.organizationId), { email: `cli-${t.organizationId}@example.test`, role: "MEMBER" });

    const events = ok(await admin.run(AuditEvents, { first: 3 })).auditEvents;
    expect(events.totalCount).toBe(6);
    expect(events.pageInfo.hasNextPage).toBe(true);
    const rest = ok(await admin.run(AuditEvents, { first: 10, after: events.pageInfo.endCursor })).auditEvents;
    const all = [...events.nodes, ...rest.nodes];
    expect(all.map((e) => [e.action, e.targetType, e.actorApiKey?.id ?? null, e.actorUser?.id ?? null])).toEqual([
      ["USER_CREATED", "USER", null, null],
      ["USER_DEACTIVATED", "USER", t.alice.keyId, t.alice.userId],
      ["USER_ROLE_CHANGED", "USER", t.orgKey.keyId, null],
      ["USER_CREATED", "USER", t.alice.keyId, t.alice.userId],
      ["API_KEY_REVOKED", "API_KEY", t.alice.keyId, t.alice.userId],
      ["API_KEY_CREATED", "API_KEY", t.alice.keyId, t.alice.userId],
    ]);
    expect(all[0].details).toMatchObject({ via: "cli", role: "MEMBER" });
    expect(all[1]).toMatchObject({ targetId: t.bob.userId, details: { keysRevoked: 1, via: "api" } });
    expect(all[2].details).toMatchObject({ from: "MEMBER", to: "ADMIN", keysLowered: 0 });
    expect(all[5]).toMatchObject({ targetId: key.apiKey.id, details: { name: "robot", role: "MEMBER", userId: t.bob.userId } });
    const rows = JSON.stringify(await prisma.auditEvent.findMany({ where: { organizationId: t.organizationId } }));
    expect(rows).not.toContain(key.key);

    // ADMINs only, and each organization its own
    expect((await server.as(t.bob.key).run(AuditEvents, {})).status).toBe(401);
    const other = await team();
    expect((await server.as(other.bob.key).run(AuditEvents, {})).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(ok(await server.as(other.alice.key).run(AuditEvents, {})).auditEvents.totalCount).toBe(0);
  });

  it("loads keys, users and audit events through node and nodes: ADMINs all of their organization's, MEMBERs their own user and keys", async () => {
    const [t, other] = await Promise.all([team(), team()]);
    const key = ok(await server.as(t.alice.key).run(CreateApiKey, { input: { role: "MEMBER", userId: t.bob.userId } })).createApiKey;
    if (key.__typename !== "CreateApiKeySuccess") throw new Error(key.__typename);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { organizationId: t.organizationId } });
    const ids = [t.alice.keyId, t.bob.keyId, key.apiKey.id, t.orgKey.keyId, t.alice.userId!, t.bob.userId!, audit.id];
    const foreign = [other.alice.keyId, other.bob.userId!, newId("key"), newId("audit")];

    const asAdmin = ok(await server.as(t.alice.key).run(AdminNodes, { ids: [...ids, ...foreign] })).nodes;
    expect(asAdmin.map((n) => n && [n.__typename, n.id])).toEqual([
      ["ApiKey", t.alice.keyId],
      ["ApiKey", t.bob.keyId],
      ["ApiKey", key.apiKey.id],
      ["ApiKey", t.orgKey.keyId],
      ["User", t.alice.userId],
      ["User", t.bob.userId],
      ["AuditEvent", audit.id],
      null,
      null,
      null,
      null,
    ]);
    expect(asAdmin[2]).toMatchObject({ prefix: key.key.slice(0, 10), role: "MEMBER" });

    const asMember = ok(await server.as(t.bob.key).run(AdminNodes, { ids })).nodes;
    expect(asMember.map((n) => n?.id ?? null)).toEqual([null, t.bob.keyId, key.apiKey.id, null, null, t.bob.userId, null]);
    // an organization key owns no user and sees only itself; as an ADMIN it sees everything
    const asOrgKey = ok(await server.as(t.orgKey.key).run(AdminNodes, { ids })).nodes;
    expect(asOrgKey.every((n) => n !== null)).toBe(true);
  });
});
