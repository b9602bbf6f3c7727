import { administratorOf } from "../../../administration/actor.js";
import { createUser } from "../../../administration/users.js";
import { builder } from "../../../builder.js";
import { ForbiddenError, ValidationError } from "../../../errors.js";
import { RoleEnum } from "../../common/enums.js";
import { payloadQuery, resultUnion } from "../../common/mutation-result.js";
import { UserType } from "../../viewer/types.js";

const CreateUserInput = builder.inputType("CreateUserInput", {
  description: "A person of the viewer's organization, who signs in with the identity provider under this email",
  fields: (t) => ({
    email: t.string({ required: true, description: "unique in the organization, regardless of case; their first sign-in finds them by it" }),
    name: t.string({ description: "display name, at most 100 characters" }),
    role: t.field({ type: RoleEnum, required: true, description: "ADMIN or MEMBER" }),
  }),
});

builder.mutationField("createUser", (t) =>
  t.prismaField({
    type: UserType,
    description: "Adds a user to the organization (ADMINs only)",
    args: { input: t.arg({ type: CreateUserInput, required: true, description: "the person's email, name and role" }) },
    errors: resultUnion("createUser", "user", [ValidationError, ForbiddenError]),
    resolve: async (query, _root, { input }, ctx) => {
      const { id } = await createUser(ctx.services.db, administratorOf(ctx.viewer), input);
      return ctx.services.db.user.findUniqueOrThrow({ ...payloadQuery(query), where: { id } });
    },
  }),
);
