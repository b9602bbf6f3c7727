import { administratorOf } from "../../../administration/actor.js";
import { updateUserRole } from "../../../administration/users.js";
import { builder } from "../../../builder.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../../errors.js";
import { RoleEnum } from "../../common/enums.js";
import { payloadQuery, resultUnion } from "../../common/mutation-result.js";
import { UserType } from "../../viewer/types.js";

const UpdateUserRoleInput = builder.inputType("UpdateUserRoleInput", {
  description: "A user and their new role",
  fields: (t) => ({
    id: t.id({ required: true, description: "the user's id (user_…)" }),
    role: t.field({ type: RoleEnum, required: true, description: "the new role; a MEMBER's ADMIN keys become MEMBER keys" }),
  }),
});

builder.mutationField("updateUserRole", (t) =>
  t.prismaField({
    type: UserType,
    description: "Changes a user's role (ADMINs only). Making the organization's last ADMIN a MEMBER is refused",
    args: { input: t.arg({ type: UpdateUserRoleInput, required: true, description: "the user and their new role" }) },
    errors: resultUnion("updateUserRole", "user", [ValidationError, NotFoundError, ForbiddenError]),
    resolve: async (query, _root, { input }, ctx) => {
      const { id } = await updateUserRole(ctx.services.db, administratorOf(ctx.viewer), input, ctx.services.viewers.revoke);
      return ctx.services.db.user.findUniqueOrThrow({ ...payloadQuery(query), where: { id } });
    },
  }),
);
