import { builder } from "../../builder.js";
import { assertCanManageWebhooks } from "../../webhooks/manage.js";
import { pageOptions } from "../common/pagination.js";
import { WebhookType } from "./types.js";

builder.queryFields((t) => ({
  webhooks: t.prismaConnection(
    {
      type: WebhookType,
      cursor: "id",
      ...pageOptions,
      description: "The organization's webhooks, newest first (ADMIN only: a MEMBER gets FORBIDDEN)",
      resolve: (query, _root, _args, ctx) => {
        assertCanManageWebhooks(ctx.viewer);
        return ctx.services.db.webhook.findMany({ ...query, where: { organizationId: ctx.viewer.organizationId }, orderBy: { id: "desc" } });
      },
      totalCount: (_root, _args, ctx) => ctx.services.db.webhook.count({ where: { organizationId: ctx.viewer.organizationId } }),
    },
    { name: "WebhookConnection" },
    { name: "WebhookEdge" },
  ),
}));
