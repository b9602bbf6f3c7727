import { canSeeApiKey } from "../../administration/visibility.js";
import { builder } from "../../builder.js";
import { AuditAction, AuditTargetType } from "../../generated/prisma/enums.js";
import { RoleEnum } from "../common/enums.js";
import { UserType } from "../viewer/types.js";

export const ApiKeyType = builder.prismaNode("ApiKey", {
  description: "A credential of the organization, for a person or for the organization itself. Its secret is shown once, by createApiKey, and never again",
  id: { field: "id" },
  authScopes: (k, ctx) => canSeeApiKey(ctx.viewer, k),
  fields: (t) => ({
    name: t.exposeString("name", { nullable: true, description: "what the key is for, as its creator named it" }),
    role: t.expose("role", { type: RoleEnum, description: "what the key may do; never more than its user's role" }),
    prefix: t.exposeString("prefix", { description: "the key's first characters (pb_ and 7 more), to recognize it: not enough to use it" }),
    user: t.relation("user", { type: UserType, nullable: true, description: "the person it acts for; null for an organization key" }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "when it was created" }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true, description: "when it was revoked (it no longer works); null while it works" }),
  }),
});

export const AuditActionEnum = builder.enumType(AuditAction, {
  name: "AuditAction",
  description: "What an administration write did",
  values: {
    API_KEY_CREATED: { description: "createApiKey made a key" },
    API_KEY_REVOKED: { description: "revokeApiKey revoked a key" },
    USER_CREATED: { description: "createUser added a person" },
    USER_DEACTIVATED: { description: "deactivateUser stopped a person's sign-in and revoked their keys" },
    USER_REACTIVATED: { description: "reactivateUser let a person sign in again" },
    USER_ROLE_CHANGED: { description: "updateUserRole changed a person's role (and lowered their keys' with it)" },
  },
});

export const AuditTargetTypeEnum = builder.enumType(AuditTargetType, {
  name: "AuditTargetType",
  description: "The kind of object an audit event is about",
  values: {
    API_KEY: { description: "an API key (targetId key_…)" },
    USER: { description: "a user (targetId user_…)" },
  },
});

export const AuditEventType = builder.prismaNode("AuditEvent", {
  description: "One administration write (API keys, users) of the organization, recorded with the write itself; ADMINs only",
  id: { field: "id" },
  authScopes: (e, ctx) => ctx.viewer.role === "ADMIN" && e.organizationId === ctx.viewer.organizationId,
  fields: (t) => ({
    action: t.expose("action", { type: AuditActionEnum, description: "what was done" }),
    targetType: t.expose("targetType", { type: AuditTargetTypeEnum, description: "what kind of object it was done to" }),
    targetId: t.exposeID("targetId", { description: "the id of that object (a key_… or user_… id; load it with node)" }),
    actorApiKey: t.relation("actorApiKey", {
      type: ApiKeyType,
      nullable: true,
      description: "the API key the write was made with; null when signed in with a token, or for the CLI",
    }),
    actorUser: t.relation("actorUser", {
      type: UserType,
      nullable: true,
      description: "the person who made the write (the key's user, or the signed-in person); null for an organization key or the CLI",
    }),
    details: t.field({
      type: "JSONObject",
      nullable: true,
      description: "what the write changed, without secrets: name, role, from/to, keysRevoked, and via (\"api\" or \"cli\")",
      resolve: (e) => e.details as Record<string, unknown> | null,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "when it happened" }),
  }),
});
