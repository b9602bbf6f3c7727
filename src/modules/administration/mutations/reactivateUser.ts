import { administratorOf } from "../../../administration/actor.js";
import { reactivateUser } from "../../../administration/users.js";
import { builder } from "../../../builder.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../../errors.js";
import { payloadQuery, resultUnion } from "../../common/mutation-result.js";
import { UserType } from "../../viewer/types.js";

const ReactivateUserInput = builder.inputType("ReactivateUserInput", {
  description: "The user to reactivate",
  fields: (t) => ({ id: t.id({ required: true, description: "the user's id (user_…)" }) }),
});

builder.mutationField("reactivateUser", (t) =>
  t.prismaField({
    type: UserType,
    description: "Lets a deactivated user sign in again (ADMINs only); their revoked keys stay revoked",
    args: { input: t.arg({ type: ReactivateUserInput, required: true, description: "the user to reactivate" }) },
    errors: resultUnion("reactivateUser", "user", [ValidationError, NotFoundError, ForbiddenError]),
    resolve: async (query, _root, { input }, ctx) => {
      const { id } = await reactivateUser(ctx.services.db, administratorOf(ctx.viewer), input.id);
      return ctx.services.db.user.findUniqueOrThrow({ ...payloadQuery(query), where: { id } });
    },
  }),
);
