import { administratorOf } from "../../../administration/actor.js";
import { revokeApiKey } from "../../../administration/api-keys.js";
import { builder } from "../../../builder.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../../errors.js";
import { payloadQuery, resultUnion } from "../../common/mutation-result.js";
import { ApiKeyType } from "../types.js";

const RevokeApiKeyInput = builder.inputType("RevokeApiKeyInput", {
  description: "The API key to revoke",
  fields: (t) => ({ id: t.id({ required: true, description: "the key's id (key_…)" }) }),
});

builder.mutationField("revokeApiKey", (t) =>
  t.prismaField({
    type: ApiKeyType,
    description: "Revokes an API key at once (ADMINs only): requests with it get 401, its open sockets close. The organization's last ADMIN key is refused",
    args: { input: t.arg({ type: RevokeApiKeyInput, required: true, description: "the key to revoke" }) },
    errors: resultUnion("revokeApiKey", "apiKey", [ValidationError, NotFoundError, ForbiddenError]),
    resolve: async (query, _root, { input }, ctx) => {
      const { id } = await revokeApiKey(ctx.services.db, administratorOf(ctx.viewer), input.id, ctx.services.viewers.revoke);
      return ctx.services.db.apiKey.findUniqueOrThrow({ ...payloadQuery(query), where: { id } });
    },
  }),
);
