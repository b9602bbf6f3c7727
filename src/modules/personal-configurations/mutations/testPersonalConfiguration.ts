import { builder } from "../../../builder.js";
import { NotFoundError, UpstreamError } from "../../../errors.js";
import { resultUnion, payloadQuery } from "../../common/mutation-result.js";
import { testPersonalConfiguration } from "../../../personal-configurations/health.js";
import { PersonalConfigurationType } from "../types.js";

builder.mutationField("testPersonalConfiguration", (t) =>
  t.prismaField({
    type: PersonalConfigurationType,
    description:
      "Tries the preset's server with this configuration and its credentials (initialize and ping, each step within MCP_TIMEOUT) and records healthStatus, lastSyncAt and lastError; a failure is recorded (UNHEALTHY), then returned as an UpstreamError",
    args: { id: t.arg.id({ required: true, description: "the personal configuration (pconf_…); one that is unknown or not the viewer's is a NotFoundError" }) },
    errors: resultUnion("testPersonalConfiguration", "personalConfiguration", [NotFoundError, UpstreamError], "the configuration, HEALTHY, with lastSyncAt moved"),
    resolve: async (query, _root, args, ctx) => {
      const { id } = await testPersonalConfiguration(ctx.services, ctx.viewer, args.id);
      return ctx.services.db.personalConfiguration.findUniqueOrThrow({ ...payloadQuery(query), where: { id } });
    },
  }),
);
