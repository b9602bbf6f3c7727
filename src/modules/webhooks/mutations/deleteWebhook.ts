import { builder } from "../../../builder.js";
import { ForbiddenError, NotFoundError } from "../../../errors.js";
import { deleteWebhook } from "../../../webhooks/manage.js";
import { directResultUnion } from "../../common/mutation-result.js";

const DeleteWebhookInput = builder.inputType("DeleteWebhookInput", {
  description: "The webhook to delete",
  fields: (t) => ({ id: t.id({ required: true, description: "the webhook" }) }),
});

const DeleteWebhookSuccess = builder.objectRef<{ deletedId: string }>("DeleteWebhookSuccess").implement({
  description: "The webhook is gone, with its deliveries (queued ones are not sent)",
  fields: (t) => ({ deletedId: t.exposeID("deletedId", { description: "the deleted webhook's id" }) }),
});

builder.mutationField("deleteWebhook", (t) =>
  t.field({
    type: DeleteWebhookSuccess,
    description: "Deletes a webhook and its deliveries (ADMIN only)",
    args: { input: t.arg({ type: DeleteWebhookInput, required: true, description: "the webhook to delete (its queued deliveries go with it)" }) },
    errors: directResultUnion("deleteWebhook", [NotFoundError, ForbiddenError]),
    resolve: async (_root, { input }, ctx) => ({ deletedId: await deleteWebhook(ctx.services, ctx.viewer, input.id) }),
  }),
);
