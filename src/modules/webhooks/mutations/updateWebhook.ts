import { builder } from "../../../builder.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../../errors.js";
import { updateWebhook } from "../../../webhooks/manage.js";
import { payloadQuery, resultUnion } from "../../common/mutation-result.js";
import { WebhookType } from "../types.js";

const UpdateWebhookInput = builder.inputType("UpdateWebhookInput", {
  description: "What to change of a webhook; what is not given stays",
  fields: (t) => ({
    id: t.id({ required: true, description: "the webhook" }),
    url: t.string({ description: "a new https URL" }),
    document: t.string({ description: "a new subscription document on connectorEvents (checked with the variables)" }),
    variables: t.field({ type: "JSONObject", description: "new variables (null clears them)" }),
    description: t.string({ description: "new free text (null clears it)" }),
    enabled: t.boolean({ description: "false stops deliveries: queued ones are skipped" }),
  }),
});

builder.mutationField("updateWebhook", (t) =>
  t.prismaField({
    type: WebhookType,
    description: "Changes a webhook (ADMIN only); its principal stays the one that registered it",
    args: { input: t.arg({ type: UpdateWebhookInput, required: true, description: "the webhook and the fields to change" }) },
    errors: resultUnion("updateWebhook", "webhook", [ValidationError, NotFoundError, ForbiddenError]),
    resolve: async (query, _root, { input }, ctx, info) => {
      const { id, ...change } = input;
      const hook = await updateWebhook(ctx.services, info.schema, ctx.viewer, id, change);
      return ctx.services.db.webhook.findUniqueOrThrow({ ...payloadQuery(query), where: { id: hook.id } });
    },
  }),
);
