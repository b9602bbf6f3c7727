import { builder } from "../../builder.js";
import { RoleEnum } from "../common/enums.js";

export const OrganizationType = builder.prismaNode("Organization", {
  description: "A workspace: its members share TEAM connectors",
  id: { field: "id" },
  fields: (t) => ({
    name: t.exposeString("name"),
    slug: t.exposeString("slug"),
  }),
});

export const UserType = builder.prismaNode("User", {
  description: "A person in an organization",
  id: { field: "id" },
  fields: (t) => ({
    email: t.exposeString("email"),
    name: t.exposeString("name", { nullable: true }),
    role: t.expose("role", { type: RoleEnum }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "when an admin (or their first sign-in) added them" }),
    deactivatedAt: t.expose("deactivatedAt", {
      type: "DateTime",
      nullable: true,
      description: "when an ADMIN deactivated them (deactivateUser): they cannot sign in and their keys are revoked; null while active",
    }),
  }),
});
