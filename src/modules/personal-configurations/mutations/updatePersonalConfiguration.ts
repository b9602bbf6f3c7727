import { builder } from "../../../builder.js";
import { NotFoundError, ValidationError } from "../../../errors.js";
import { resultUnion, payloadQuery } from "../../common/mutation-result.js";
import { updatePersonalConfiguration } from "../../../personal-configurations/service.js";
import { PersonalConfigurationType } from "../types.js";
import { CredentialsInput } from "./credentials-input.js";

const UpdatePersonalConfigurationInput = builder.inputType("UpdatePersonalConfigurationInput", {
  description: "Changes to a personal configuration; fields left out stay as they are",
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string(),
    description: t.string(),
    configuration: t.field({ type: "JSONObject", description: "checked against the preset's configSchema again" }),
    credentials: t.field({ type: CredentialsInput, description: "replaces the stored credentials; null removes them" }),
    enabled: t.boolean(),
    metadata: t.field({ type: "JSONObject", description: "replaces the metadata; null clears it" }),
  }),
});

builder.mutationField("updatePersonalConfiguration", (t) =>
  t.prismaField({
    type: PersonalConfigurationType,
    description: "Changes a personal configuration; new configuration or credentials reset healthStatus to UNKNOWN",
    args: { input: t.arg({ type: UpdatePersonalConfigurationInput, required: true }) },
    errors: resultUnion("updatePersonalConfiguration", "personalConfiguration", [ValidationError, NotFoundError]),
    resolve: async (query, _root, { input }, ctx) => {
      const { id } = await updatePersonalConfiguration(ctx.services, ctx.viewer, input);
      return ctx.services.db.personalConfiguration.findUniqueOrThrow({ ...payloadQuery(query), where: { id } });
    },
  }),
);
