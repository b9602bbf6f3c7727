import { administratorOf } from "../../../administration/actor.js";
import { deactivateUser } from "../../../administration/users.js";
import { builder } from "../../../builder.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../../errors.js";
import { payloadQuery, resultUnion } from "../../common/mutation-result.js";
import { UserType } from "../../viewer/types.js";

const DeactivateUserInput = builder.inputType("DeactivateUserInput", {
  description: "The user to deactivate",
  fields: (t) => ({ id: t.id({ required: true, description: "the user's id (user_…)" }) }),
});

builder.mutationField("deactivateUser", (t) =>
  t.prismaField({
    type: UserType,
    description: "Deactivates a user (ADMINs only): they can no longer sign in, and every key of theirs is revoked. The organization's last ADMIN is refused",
    args: { input: t.arg({ type: DeactivateUserInput, required: true, description: "the user to deactivate" }) },
    errors: resultUnion("deactivateUser", "user", [ValidationError, NotFoundError, ForbiddenError]),
    resolve: async (query, _root, { input }, ctx) => {
      const { id } = await deactivateUser(ctx.services.db, administratorOf(ctx.viewer), input.id, ctx.services.viewers.revoke);
      return ctx.services.db.user.findUniqueOrThrow({ ...payloadQuery(query), where: { id } });
    },
  }),
);
