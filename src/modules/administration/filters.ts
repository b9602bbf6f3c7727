import { builder } from "../../builder.js";
import { RoleEnum } from "../common/enums.js";

export const ApiKeyFilterInput = builder.inputType("ApiKeyFilter", {
  description: "Narrows apiKeys; every field given must match",
  fields: (t) => ({
    userId: t.id({ description: "only this user's keys" }),
    role: t.field({ type: RoleEnum, description: "only keys of this role" }),
    revoked: t.boolean({ description: "true: only revoked keys; false: only keys that work" }),
  }),
});

export const UserFilterInput = builder.inputType("UserFilter", {
  description: "Narrows users; every field given must match",
  fields: (t) => ({
    role: t.field({ type: RoleEnum, description: "only users of this role" }),
    deactivated: t.boolean({ description: "true: only deactivated users; false: only active ones" }),
  }),
});
