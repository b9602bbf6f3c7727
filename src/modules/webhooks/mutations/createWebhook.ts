import { builder } from "../../../builder.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../../errors.js";
import { createWebhook } from "../../../webhooks/manage.js";
import { directResultUnion } from "../../common/mutation-result.js";
import { withSecretSuccess } from "./with-secret.js";

const CreateWebhookInput = builder.inputType("CreateWebhookInput", {
  description: "A new webhook: where to send events, and the subscription document that shapes them",
  fields: (t) => ({
    url: t.string({ required: true, description: "https URL the deliveries are POSTed to (no credentials in it)" }),
    document: t.string({
      required: true,
      description: "a subscription whose only root field is connectorEvents; its arguments choose the events, its selection the payload",
    }),
    variables: t.field({ type: "JSONObject", description: "the document's variables" }),
    description: t.string({ description: "free text for people, at most 500 characters" }),
    enabled: t.boolean({ defaultValue: true, description: "whether events are delivered" }),
  }),
});

const CreateWebhookSuccess = withSecretSuccess("CreateWebhookSuccess", "The webhook is registered; its signing secret is shown this once");

builder.mutationField("createWebhook", (t) =>
  t.field({
    type: CreateWebhookSuccess,
    description: "Registers a webhook (ADMIN only): each matching connector event is delivered as the document's result, with the registering principal's visibility",
    args: { input: t.arg({ type: CreateWebhookInput, required: true, description: "where to deliver, and the connectorEvents subscription document that shapes each delivery" }) },
    errors: directResultUnion("createWebhook", [ValidationError, NotFoundError, ForbiddenError]),
    resolve: (_root, { input }, ctx, info) =>
      createWebhook(ctx.services, info.schema, ctx.viewer, { ...input, enabled: input.enabled ?? true }),
  }),
);
