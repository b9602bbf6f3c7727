import type { Viewer } from "../auth/viewer.js";
import { visiblePersonalConfigurationsWhere } from "../auth/visibility.js";
import type { Db } from "../db/client.js";
import { isIdOf, newId } from "../db/ids.js";
import { CONFLICT, optimisticWrite } from "../db/optimistic.js";
import { NotFoundError } from "../errors.js";
import { publishPersonalConfigurationChange } from "../events/publish.js";
import { type PersonalConfiguration, type Preset, Prisma } from "../generated/prisma/client.js";
import { configurationProblems } from "../validation/config-schema.js";
import { type CredentialsInput, personalCredentials } from "../connectors/credentials.js";
import type { CoreServices } from "../services.js";
import { CONFIGURATION_LIMITS, DESCRIPTION_MAX, METADATA_LIMITS, NAME_MAX, checkJsonObject, checkText, invalid, throwIfInvalid } from "../validation/input-rules.js";
import { writePersonalConfiguration } from "./write.js";

type Deps = Pick<CoreServices, "db" | "pubsub" | "secrets">;

const PATH = (field: string) => ["input", field];

function checkFields(input: { name?: string | null; description?: string | null; metadata?: Record<string, unknown> | null }, nameRequired: boolean) {
  return [
    ...checkText(input.name, PATH("name"), NAME_MAX, nameRequired || input.name != null),
    ...checkText(input.description, PATH("description"), DESCRIPTION_MAX),
    ...checkJsonObject(input.metadata, PATH("metadata"), METADATA_LIMITS),
  ];
}

function checkPresetConfiguration(preset: Preset, configuration: Record<string, unknown>) {
  const size = checkJsonObject(configuration, PATH("configuration"), CONFIGURATION_LIMITS);
  return size.length ? size : configurationProblems(preset, configuration, PATH("configuration"));
}

/**
 * The sealed columns for credentials; the row id binds the ciphertext to this row. New credentials
 * free the refresh lease: a refresh the provider refused is not held against them.
 */
function sealedCredentials(services: Deps, id: string, input: CredentialsInput | null) {
  if (!input) return { credentialType: null, credentialsEnc: null, credentialsExpireAt: null, refreshLeaseUntil: null };
  const c = personalCredentials(input, PATH("credentials"));
  return {
    credentialType: c.type,
    credentialsEnc: services.secrets.sealJson("PersonalConfiguration.credentialsEnc", id, c.secret),
    credentialsExpireAt: c.expiresAt ?? null,
    refreshLeaseUntil: null,
  };
}

export interface CreatePersonalConfigurationInput {
  presetSlug: string;
  name: string;
  description?: string | null;
  configuration: Record<string, unknown>;
  credentials?: CredentialsInput | null;
  enabled?: boolean | null;
  metadata?: Record<string, unknown> | null;
}

/** The viewer's own configuration of a preset: owned by their user, or by the key when it has none. */
export async function createPersonalConfiguration(services: Deps, viewer: Viewer, input: CreatePersonalConfigurationInput): Promise<PersonalConfiguration> {
  const preset = await services.db.preset.findUnique({ where: { slug: input.presetSlug } });
  if (!preset) throw new NotFoundError(null, `preset with slug "${input.presetSlug}"`);
  if (!preset.enabled) throw invalid([{ path: PATH("presetSlug"), message: "names a disabled preset" }]);
  throwIfInvalid([...checkFields(input, true), ...checkPresetConfiguration(preset, input.configuration)]);
  const id = newId("pconf");
  const row = await services.db.personalConfiguration.create({
    data: {
      id,
      organizationId: viewer.organizationId,
      userId: viewer.userId,
      apiKeyId: viewer.userId ? null : viewer.apiKeyId,
      presetId: preset.id,
      name: input.name.trim(),
      description: input.description ?? null,
      configuration: input.configuration as Prisma.InputJsonObject,
      ...sealedCredentials(services, id, input.credentials ?? null),
      enabled: input.enabled ?? true,
      metadata: (input.metadata ?? undefined) as Prisma.InputJsonObject | undefined,
    },
  });
  publishPersonalConfigurationChange(services.pubsub, row);
  return row;
}

/** The configuration (with its preset) if the viewer may see it: it is theirs alone. */
export async function visiblePersonalConfiguration(db: Db, viewer: Viewer, id: string) {
  const row = isIdOf("pconf", id)
    ? await db.personalConfiguration.findFirst({ where: { id, ...visiblePersonalConfigurationsWhere(viewer) }, include: { preset: true } })
    : null;
  if (!row) throw new NotFoundError(id, "personal configuration");
  return row;
}

/** A person's versioned write of a configuration they may see; publishes after the write. */
export function changePersonalConfiguration(
  services: Pick<CoreServices, "db" | "pubsub">,
  viewer: Viewer,
  id: string,
  decide: (current: PersonalConfiguration & { preset: Preset }) => Prisma.PersonalConfigurationUpdateManyMutationInput,
): Promise<PersonalConfiguration> {
  if (!isIdOf("pconf", id)) return Promise.reject(new NotFoundError(id, "personal configuration"));
  return writePersonalConfiguration(services, { id, where: visiblePersonalConfigurationsWhere(viewer), decide: (current) => ({ data: decide(current) }) });
}

export interface UpdatePersonalConfigurationInput {
  id: string;
  name?: string | null;
  description?: string | null;
  configuration?: Record<string, unknown> | null;
  /** null removes the stored credentials */
  credentials?: CredentialsInput | null;
  enabled?: boolean | null;
  metadata?: Record<string, unknown> | null;
}

/** New configuration or credentials make the last test meaningless: health goes back to UNKNOWN. */
export async function updatePersonalConfiguration(services: Deps, viewer: Viewer, input: UpdatePersonalConfigurationInput): Promise<PersonalConfiguration> {
  const { id, ...fields } = input;
  if (Object.values(fields).every((v) => v === undefined)) return visiblePersonalConfiguration(services.db, viewer, id);
  throwIfInvalid(checkFields(input, false));
  return changePersonalConfiguration(services, viewer, id, (current) => {
    const configuration = input.configuration ?? undefined;
    if (configuration) throwIfInvalid(checkPresetConfiguration(current.preset, configuration));
    const credentials = input.credentials === undefined ? {} : sealedCredentials(services, id, input.credentials);
    const retest = configuration !== undefined || input.credentials !== undefined;
    return {
      ...(input.name != null ? { name: input.name.trim() } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(configuration ? { configuration: configuration as Prisma.InputJsonObject } : {}),
      ...credentials,
      ...(input.enabled != null ? { enabled: input.enabled } : {}),
      ...(input.metadata !== undefined ? { metadata: input.metadata === null ? Prisma.DbNull : (input.metadata as Prisma.InputJsonObject) } : {}),
      ...(retest ? { healthStatus: "UNKNOWN" as const, lastError: null } : {}),
    };
  });
}

export function deletePersonalConfiguration(services: Deps, viewer: Viewer, id: string): Promise<string> {
  return optimisticWrite(`personal configuration ${id}`, async () => {
    const current = await visiblePersonalConfiguration(services.db, viewer, id);
    const { count } = await services.db.personalConfiguration.deleteMany({ where: { id: current.id, version: current.version } });
    if (count === 0) return CONFLICT;
    publishPersonalConfigurationChange(services.pubsub, { id, version: current.version + 1, deleted: true });
    return id;
  });
}
