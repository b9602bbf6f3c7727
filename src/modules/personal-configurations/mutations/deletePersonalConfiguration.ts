import { builder } from "../../../builder.js";
import { NotFoundError } from "../../../errors.js";
import { directResultUnion } from "../../common/mutation-result.js";
import { deletePersonalConfiguration } from "../../../personal-configurations/service.js";

const DeletePersonalConfigurationSuccess = builder
  .objectRef<{ deletedId: string }>("DeletePersonalConfigurationSuccess")
  .implement({
    description: "The personal configuration and its credentials are gone",
    fields: (t) => ({ deletedId: t.exposeID("deletedId", { description: "the id it had: drop it from client caches" }) }),
  });

builder.mutationField("deletePersonalConfiguration", (t) =>
  t.field({
    type: DeletePersonalConfigurationSuccess,
    description: "Deletes one of the viewer's personal configurations",
    args: { id: t.arg.id({ required: true, description: "the personal configuration (pconf_…); one that is unknown or not the viewer's is a NotFoundError" }) },
    errors: directResultUnion("deletePersonalConfiguration", [NotFoundError]),
    resolve: async (_root, args, ctx) => ({ deletedId: await deletePersonalConfiguration(ctx.services, ctx.viewer, args.id) }),
  }),
);
