import { builder } from "../../builder.js";
import { assertCanManageWebhooks } from "../../webhooks/manage.js";
import { pageAfterVisibleCursor, pageOptionsOf } from "../common/pagination.js";
import { WebhookType } from "./types.js";

builder.queryFields((t) => ({
  webhooks: t.prismaConnection(
    {
      type: WebhookType,
      cursor: "id",
      ...pageOptionsOf("hook"),
      description: "The organization's webhooks, newest first (ADMIN only: a MEMBER gets FORBIDDEN)",
      resolve: (query, _root, _args, ctx) => {
        assertCanManageWebhooks(ctx.viewer);
        return pageAfterVisibleCursor(
          query,
          (id) => ctx.services.db.webhook.findFirst({ where: { id, organizationId: ctx.viewer.organizationId }, select: { id: true } }),
          () => ctx.services.db.webhook.findMany({ ...query, where: { organizationId: ctx.viewer.organizationId }, orderBy: { id: "desc" } }),
        );
      },
      totalCount: (_root, _args, ctx) => ctx.services.db.webhook.count({ where: { organizationId: ctx.viewer.organizationId } }),
    },
    { name: "WebhookConnection", description: "A page of webhooks" },
    { name: "WebhookEdge", description: "A webhook and its cursor" },
  ),
}));
