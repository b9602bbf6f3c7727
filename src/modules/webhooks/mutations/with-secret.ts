import { builder } from "../../../builder.js";
import type { WithSecret } from "../../../webhooks/manage.js";
import { WebhookType } from "../types.js";

/** A success that carries the signing secret: the one time it is shown. */
export const withSecretSuccess = (name: string, description: string) =>
  builder.objectRef<WithSecret>(name).implement({
    description,
    fields: (t) => ({
      webhook: t.field({ type: WebhookType, description: "the webhook", resolve: (p) => p.webhook }),
      secret: t.exposeString("secret", {
        description: "the signing secret (whsec_…), shown this once: keep it where the receiver verifies signatures",
      }),
    }),
  });
