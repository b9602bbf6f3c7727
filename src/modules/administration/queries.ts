import { administratorOf } from "../../administration/actor.js";
import { apiKeysWhere, NEWEST_FIRST, usersWhere } from "../../administration/listing.js";
import { builder } from "../../builder.js";
import { pageAfterVisibleCursor, pageOptionsOf } from "../common/pagination.js";
import { UserType } from "../viewer/types.js";
import { ApiKeyFilterInput, UserFilterInput } from "./filters.js";
import { ApiKeyType, AuditEventType } from "./types.js";

// ADMINs only: a MEMBER's request fails with FORBIDDEN, as their forbidden writes do
const organizationOf = (viewer: Parameters<typeof administratorOf>[0]) => administratorOf(viewer).organizationId;

builder.queryFields((t) => ({
  apiKeys: t.prismaConnection(
    {
      type: ApiKeyType,
      cursor: "id",
      ...pageOptionsOf("key"),
      description: "The organization's API keys, newest first, without their secrets (ADMINs only)",
      args: { filter: t.arg({ type: ApiKeyFilterInput, description: "which keys; all of them when absent" }) },
      resolve: (query, _root, args, ctx) =>
        pageAfterVisibleCursor(
          query,
          (id) => ctx.services.db.apiKey.findFirst({ where: { id, organizationId: organizationOf(ctx.viewer) }, select: { id: true } }),
          () => ctx.services.db.apiKey.findMany({ ...query, where: apiKeysWhere(organizationOf(ctx.viewer), args.filter), orderBy: NEWEST_FIRST }),
        ),
      totalCount: (_root, args, ctx) => ctx.services.db.apiKey.count({ where: apiKeysWhere(organizationOf(ctx.viewer), args.filter) }),
    },
    { name: "ApiKeyConnection", description: "A page of API keys" },
    { name: "ApiKeyEdge", description: "An API key and its cursor" },
  ),
  users: t.prismaConnection(
    {
      type: UserType,
      cursor: "id",
      ...pageOptionsOf("user"),
      description: "The organization's users, newest first (ADMINs only)",
      args: { filter: t.arg({ type: UserFilterInput, description: "which users; all of them when absent" }) },
      resolve: (query, _root, args, ctx) =>
        pageAfterVisibleCursor(
          query,
          (id) => ctx.services.db.user.findFirst({ where: { id, organizationId: organizationOf(ctx.viewer) }, select: { id: true } }),
          () => ctx.services.db.user.findMany({ ...query, where: usersWhere(organizationOf(ctx.viewer), args.filter), orderBy: NEWEST_FIRST }),
        ),
      totalCount: (_root, args, ctx) => ctx.services.db.user.count({ where: usersWhere(organizationOf(ctx.viewer), args.filter) }),
    },
    { name: "UserConnection", description: "A page of users" },
    { name: "UserEdge", description: "A user and their cursor" },
  ),
  auditEvents: t.prismaConnection(
    {
      type: AuditEventType,
      cursor: "id",
      ...pageOptionsOf("audit"),
      description: "The organization's administration writes (keys, users), newest first (ADMINs only)",
      resolve: (query, _root, _args, ctx) =>
        pageAfterVisibleCursor(
          query,
          (id) => ctx.services.db.auditEvent.findFirst({ where: { id, organizationId: organizationOf(ctx.viewer) }, select: { id: true } }),
          () => ctx.services.db.auditEvent.findMany({ ...query, where: { organizationId: organizationOf(ctx.viewer) }, orderBy: NEWEST_FIRST }),
        ),
      totalCount: (_root, _args, ctx) => ctx.services.db.auditEvent.count({ where: { organizationId: organizationOf(ctx.viewer) } }),
    },
    { name: "AuditEventConnection", description: "A page of audit events" },
    { name: "AuditEventEdge", description: "An audit event and its cursor" },
  ),
}));
