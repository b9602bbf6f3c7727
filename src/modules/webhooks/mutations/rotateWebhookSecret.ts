import { builder } from "../../../builder.js";
import { ForbiddenError, NotFoundError } from "../../../errors.js";
import { rotateWebhookSecret } from "../../../webhooks/manage.js";
import { directResultUnion } from "../../common/mutation-result.js";
import { withSecretSuccess } from "./with-secret.js";

const RotateWebhookSecretInput = builder.inputType("RotateWebhookSecretInput", {
  description: "The webhook whose signing secret is replaced",
  fields: (t) => ({ id: t.id({ required: true, description: "the webhook" }) }),
});

const RotateWebhookSecretSuccess = withSecretSuccess(
  "RotateWebhookSecretSuccess",
  "The webhook signs with a new secret from its next attempt on; the new secret is shown this once",
);

builder.mutationField("rotateWebhookSecret", (t) =>
  t.field({
    type: RotateWebhookSecretSuccess,
    description: "Replaces a webhook's signing secret (ADMIN only); the old one stops signing at once",
    args: { input: t.arg({ type: RotateWebhookSecretInput, required: true, description: "the webhook whose signing secret is replaced" }) },
    errors: directResultUnion("rotateWebhookSecret", [NotFoundError, ForbiddenError]),
    resolve: (_root, { input }, ctx) => rotateWebhookSecret(ctx.services, ctx.viewer, input.id),
  }),
);
