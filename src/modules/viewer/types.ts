import { builder } from "../../builder.js";
import { RoleEnum } from "../common/enums.js";

export const OrganizationType = builder.prismaNode("Organization", {
  description: "A workspace: its members share TEAM connectors",
  id: { field: "id" },
  fields: (t) => ({
    name: t.exposeString("name", { description: "its display name" }),
    slug: t.exposeString("slug", { description: "short, unique among organizations" }),
  }),
});

export const UserType = builder.prismaNode("User", {
  description: "A person in an organization",
  id: { field: "id" },
  fields: (t) => ({
    email: t.exposeString("email", { description: "their email address" }),
    name: t.exposeString("name", { nullable: true, description: "their display name; null when unknown" }),
    role: t.expose("role", { type: RoleEnum, description: "what they may do in the organization" }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "when an admin (or their first sign-in) added them" }),
    deactivatedAt: t.expose("deactivatedAt", {
      type: "DateTime",
      nullable: true,
      description: "when an ADMIN deactivated them (deactivateUser): they cannot sign in and their keys are revoked; null while active",
    }),
  }),
});
