import { builder } from "../../../builder.js";
import { NotFoundError, ValidationError } from "../../../errors.js";
import { resultUnion, payloadQuery } from "../../common/mutation-result.js";
import { updatePersonalConfiguration } from "../../../personal-configurations/service.js";
import { PersonalConfigurationType } from "../types.js";
import { CredentialsInput } from "./credentials-input.js";

const UpdatePersonalConfigurationInput = builder.inputType("UpdatePersonalConfigurationInput", {
  description: "Changes to a personal configuration; fields left out stay as they are",
  fields: (t) => ({
    id: t.id({ required: true, description: "the personal configuration (pconf_…); one that is unknown or not the viewer's is a NotFoundError" }),
    name: t.string({ description: "not blank, at most 200 characters" }),
    description: t.string({ description: "at most 2000 characters; null clears it" }),
    configuration: t.field({ type: "JSONObject", description: "replaces the configuration, checked against the preset's configSchema again (at most 64 KiB as JSON)" }),
    credentials: t.field({ type: CredentialsInput, description: "replaces the stored credentials; null removes them" }),
    enabled: t.boolean({ description: "false keeps it from the periodic checks" }),
    metadata: t.field({ type: "JSONObject", description: "replaces the metadata: at most 64 keys and 16 KiB as JSON; null clears it" }),
  }),
});

builder.mutationField("updatePersonalConfiguration", (t) =>
  t.prismaField({
    type: PersonalConfigurationType,
    description: "Changes a personal configuration; new configuration or credentials reset healthStatus to UNKNOWN",
    args: { input: t.arg({ type: UpdatePersonalConfigurationInput, required: true, description: "the configuration and the fields to change" }) },
    errors: resultUnion("updatePersonalConfiguration", "personalConfiguration", [ValidationError, NotFoundError], "the configuration as it is now"),
    resolve: async (query, _root, { input }, ctx) => {
      const { id } = await updatePersonalConfiguration(ctx.services, ctx.viewer, input);
      return ctx.services.db.personalConfiguration.findUniqueOrThrow({ ...payloadQuery(query), where: { id } });
    },
  }),
);
