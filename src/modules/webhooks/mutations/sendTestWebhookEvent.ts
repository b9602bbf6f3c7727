import { builder } from "../../../builder.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../../errors.js";
import { sendTestWebhookEvent } from "../../../webhooks/test-event.js";
import { payloadQuery, resultUnion } from "../../common/mutation-result.js";
import { WebhookDeliveryType } from "../types.js";

const SendTestWebhookEventInput = builder.inputType("SendTestWebhookEventInput", {
  description: "The webhook to send a test event to",
  fields: (t) => ({ id: t.id({ required: true, description: "the webhook" }) }),
});

builder.mutationField("sendTestWebhookEvent", (t) =>
  t.prismaField({
    type: WebhookDeliveryType,
    description: `Queues a made-up UPDATED event for the webhook (ADMIN only), shaped by its document, signed and
retried like any delivery, marked as a test (and with the header plugboard-test-event: true)`,
    args: { input: t.arg({ type: SendTestWebhookEventInput, required: true, description: "the webhook to send a test event to" }) },
    errors: resultUnion("sendTestWebhookEvent", "delivery", [ValidationError, NotFoundError, ForbiddenError]),
    resolve: async (query, _root, { input }, ctx, info) => {
      const d = await sendTestWebhookEvent(ctx.services, info.schema, ctx.viewer, input.id);
      return ctx.services.db.webhookDelivery.findUniqueOrThrow({ ...payloadQuery(query), where: { id: d.id } });
    },
  }),
);
