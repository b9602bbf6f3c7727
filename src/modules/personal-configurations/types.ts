import { canSeePersonalConfiguration } from "../../auth/visibility.js";
import { builder } from "../../builder.js";
import { CredentialTypeEnum, HealthStatusEnum } from "../common/enums.js";
import { PresetType } from "../presets/types.js";
import { OrganizationType, UserType } from "../viewer/types.js";

const json = (v: unknown) => (v as Record<string, unknown> | null) ?? null;

export const PersonalConfigurationType = builder.prismaNode("PersonalConfiguration", {
  description: "A user's own configuration of a personal connector. Credentials are write-only.",
  id: { field: "id" },
  authScopes: (p, ctx) => canSeePersonalConfiguration(ctx.viewer, p),
  fields: (t) => ({
    user: t.relation("user", { type: UserType, nullable: true }),
    apiKeyId: t.exposeID("apiKeyId", { nullable: true, description: "the owning API key, for keys without a user" }),
    organization: t.relation("organization", { type: OrganizationType }),
    preset: t.relation("preset", { type: PresetType, description: "the personal connector definition" }),
    name: t.exposeString("name", { description: '"My GitHub Account", "Work ClickUp"' }),
    description: t.exposeString("description", { nullable: true }),
    configuration: t.field({ type: "JSONObject", resolve: (p) => json(p.configuration) ?? {} }),
    credentialType: t.expose("credentialType", { type: CredentialTypeEnum, nullable: true }),
    hasCredentials: t.boolean({ resolve: (p) => p.credentialsEnc !== null }),
    credentialsExpireAt: t.expose("credentialsExpireAt", { type: "DateTime", nullable: true }),
    enabled: t.exposeBoolean("enabled"),
    healthStatus: t.expose("healthStatus", { type: HealthStatusEnum }),
    lastSyncAt: t.expose("lastSyncAt", { type: "DateTime", nullable: true }),
    lastError: t.exposeString("lastError", { nullable: true }),
    metadata: t.field({ type: "JSONObject", nullable: true, resolve: (p) => json(p.metadata) }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});
