import type { Viewer } from "../../auth/viewer.js";
import { builder } from "../../builder.js";
import { RoleEnum } from "../common/enums.js";
import { OrganizationType, UserType } from "./types.js";

const ViewerType = builder.objectRef<Viewer>("Viewer").implement({
  description: "Who this request acts as: an API key (of a person or of the organization), or a person signed in with a token of their identity provider",
  fields: (t) => ({
    user: t.prismaField({
      type: UserType,
      nullable: true,
      description: "null for an organization key that belongs to no person",
      resolve: (query, viewer, _args, ctx) =>
        viewer.userId ? ctx.services.db.user.findUnique({ ...query, where: { id: viewer.userId } }) : null,
    }),
    organization: t.prismaField({
      type: OrganizationType,
      description: "the organization the request acts in: it sees only this organization's objects",
      resolve: (query, viewer, _args, ctx) => ctx.services.db.organization.findUniqueOrThrow({ ...query, where: { id: viewer.organizationId } }),
    }),
    role: t.field({ type: RoleEnum, description: "the role this request acts with: what it may manage", resolve: (viewer) => viewer.role }),
  }),
});

builder.queryField("viewer", (t) =>
  t.field({ type: ViewerType, description: "The caller", resolve: (_root, _args, ctx) => ctx.viewer }),
);
