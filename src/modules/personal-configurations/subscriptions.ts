import { RequestCache } from "@pothos/plugin-scope-auth";
import { builder } from "../../builder.js";
import { personalConfigurationStream } from "../../personal-configurations/stream.js";
import { PersonalConfigurationType } from "./types.js";

builder.subscriptionFields((t) => ({
  personalConfigurationChanged: t.field({
    type: PersonalConfigurationType,
    description: "The configuration now, then again on every change (health included). Ends after it is deleted.",
    args: {
      id: t.arg.id({ required: true, description: "the personal configuration (pconf_…); unknown or not the viewer's is a NOT_FOUND error" }),
    },
    subscribe: (_root, args, ctx) => personalConfigurationStream(ctx.services, ctx.viewer, args.id),
    resolve: (payload, _args, ctx) => {
      // scope-auth caches every object it checked per context: a long stream would keep them all
      RequestCache.clearForContext(ctx);
      if (payload instanceof Error) throw payload;
      return payload;
    },
  }),
}));
