import { administratorOf } from "../../../administration/actor.js";
import { createApiKey } from "../../../administration/api-keys.js";
import { builder } from "../../../builder.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../../errors.js";
import type { ApiKey } from "../../../generated/prisma/client.js";
import { RoleEnum } from "../../common/enums.js";
import { directResultUnion, payloadQuery } from "../../common/mutation-result.js";
import { ApiKeyType } from "../types.js";

const CreateApiKeyInput = builder.inputType("CreateApiKeyInput", {
  description: "A new API key of the viewer's organization",
  fields: (t) => ({
    name: t.string({ description: "what it is for (at most 100 characters), shown in listings" }),
    role: t.field({ type: RoleEnum, required: true, description: "what it may do: at most its user's role" }),
    userId: t.id({ description: "the person it acts for (their PERSONAL connectors are its own); absent for an organization key" }),
  }),
});

const CreateApiKeySuccess = builder.objectRef<{ apiKey: ApiKey; key: string }>("CreateApiKeySuccess").implement({
  description: "The key was created: copy `key` now, it is never shown again",
  fields: (t) => ({
    apiKey: t.prismaField({
      type: ApiKeyType,
      description: "the new key as listings show it",
      resolve: (query, parent, _args, ctx) => ctx.services.db.apiKey.findUniqueOrThrow({ ...payloadQuery(query), where: { id: parent.apiKey.id } }),
    }),
    key: t.exposeString("key", { description: "the secret, to send as `Authorization: Bearer <key>`: shown this once, only its hash is stored" }),
  }),
});

builder.mutationField("createApiKey", (t) =>
  t.field({
    type: CreateApiKeySuccess,
    description: "Creates an API key (ADMINs only); its secret is in this answer alone",
    args: { input: t.arg({ type: CreateApiKeyInput, required: true, description: "who the key is for, its role and name" }) },
    errors: directResultUnion("createApiKey", [ValidationError, NotFoundError, ForbiddenError]),
    resolve: (_root, { input }, ctx) => createApiKey(ctx.services.db, administratorOf(ctx.viewer), input),
  }),
);
