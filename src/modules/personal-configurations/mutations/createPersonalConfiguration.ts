import { builder } from "../../../builder.js";
import { NotFoundError, ValidationError } from "../../../errors.js";
import { resultUnion, payloadQuery } from "../../common/mutation-result.js";
import { createPersonalConfiguration } from "../../../personal-configurations/service.js";
import { PersonalConfigurationType } from "../types.js";
import { CredentialsInput } from "./credentials-input.js";

const CreatePersonalConfigurationInput = builder.inputType("CreatePersonalConfigurationInput", {
  description: "The viewer's own configuration of a preset",
  fields: (t) => ({
    presetSlug: t.string({ required: true, description: "the enabled preset to configure; unknown is a NotFoundError, disabled a ValidationError" }),
    name: t.string({ required: true, description: '"My GitHub Account", "Work ClickUp": not blank, at most 200 characters' }),
    description: t.string({ description: "a note for its owner; at most 2000 characters" }),
    configuration: t.field({ type: "JSONObject", required: true, description: "must satisfy the preset's configSchema; at most 64 KiB as JSON" }),
    credentials: t.field({ type: CredentialsInput, description: "the credentials to present to the server; none when absent" }),
    enabled: t.boolean({ defaultValue: true, description: "false keeps it from the periodic checks" }),
    metadata: t.field({ type: "JSONObject", description: "free-form, at most 64 keys and 16 KiB" }),
  }),
});

builder.mutationField("createPersonalConfiguration", (t) =>
  t.prismaField({
    type: PersonalConfigurationType,
    description: "Saves the viewer's configuration of a preset (healthStatus UNKNOWN until tested)",
    args: { input: t.arg({ type: CreatePersonalConfigurationInput, required: true, description: "the preset and its settings" }) },
    errors: resultUnion("createPersonalConfiguration", "personalConfiguration", [ValidationError, NotFoundError], "the new configuration, healthStatus UNKNOWN"),
    resolve: async (query, _root, { input }, ctx) => {
      const { id } = await createPersonalConfiguration(ctx.services, ctx.viewer, input);
      return ctx.services.db.personalConfiguration.findUniqueOrThrow({ ...payloadQuery(query), where: { id } });
    },
  }),
);
