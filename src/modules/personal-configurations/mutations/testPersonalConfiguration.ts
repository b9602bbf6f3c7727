import { builder } from "../../../builder.js";
import { NotFoundError, UpstreamError } from "../../../errors.js";
import { resultUnion, payloadQuery } from "../../common/mutation-result.js";
import { testPersonalConfiguration } from "../../../personal-configurations/health.js";
import { PersonalConfigurationType } from "../types.js";

builder.mutationField("testPersonalConfiguration", (t) =>
  t.prismaField({
    type: PersonalConfigurationType,
    description: "Tries the preset's server with this configuration and records healthStatus, lastSyncAt and lastError",
    args: { id: t.arg.id({ required: true }) },
    errors: resultUnion("testPersonalConfiguration", "personalConfiguration", [NotFoundError, UpstreamError]),
    resolve: async (query, _root, args, ctx) => {
      const { id } = await testPersonalConfiguration(ctx.services, ctx.viewer, args.id);
      return ctx.services.db.personalConfiguration.findUniqueOrThrow({ ...payloadQuery(query), where: { id } });
    },
  }),
);
