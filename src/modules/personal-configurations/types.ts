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
    user: t.relation("user", { type: UserType, nullable: true, description: "the owner; null when an API key without a person owns it (apiKeyId)" }),
    apiKeyId: t.exposeID("apiKeyId", { nullable: true, description: "the owning API key, for keys without a user" }),
    organization: t.relation("organization", { type: OrganizationType, description: "the owner's organization" }),
    preset: t.relation("preset", { type: PresetType, description: "the personal connector definition" }),
    name: t.exposeString("name", { description: '"My GitHub Account", "Work ClickUp"' }),
    description: t.exposeString("description", { nullable: true, description: "the owner's note about it; null when none was given" }),
    configuration: t.field({
      type: "JSONObject",
      description: "its settings under the preset's configSchema (never a secret); {} when empty",
      resolve: (p) => json(p.configuration) ?? {},
    }),
    credentialType: t.expose("credentialType", {
      type: CredentialTypeEnum,
      nullable: true,
      description: "the kind of credentials stored; null when there are none",
    }),
    hasCredentials: t.boolean({
      description: "credentials are stored (encrypted); they are never returned",
      resolve: (p) => p.credentialsEnc !== null,
    }),
    credentialsExpireAt: t.expose("credentialsExpireAt", {
      type: "DateTime",
      nullable: true,
      description: "when the OAuth 2 access token expires (moved on by each refresh); null when unknown or the credentials do not expire",
    }),
    enabled: t.exposeBoolean("enabled", { description: "in use: only enabled configurations are checked periodically" }),
    healthStatus: t.expose("healthStatus", { type: HealthStatusEnum, description: "what the last test or periodic check found" }),
    lastSyncAt: t.expose("lastSyncAt", {
      type: "DateTime",
      nullable: true,
      description: "when a test or check last reached the server; null until one has",
    }),
    lastError: t.exposeString("lastError", {
      nullable: true,
      description: "why the last test or check failed (never a secret); null when it succeeded or none ran since a change",
    }),
    metadata: t.field({
      type: "JSONObject",
      nullable: true,
      description: "free-form data of the client's (at most 64 keys, 16 KiB); null when none was set",
      resolve: (p) => json(p.metadata),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "when it was created" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "when it last changed (a quiet token refresh or lastSyncAt alone does not count)" }),
  }),
});
