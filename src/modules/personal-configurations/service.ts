import type { Viewer } from "../../auth/viewer.js";
import { visiblePersonalConfigurationsWhere } from "../../auth/visibility.js";
import { sealJson } from "../../crypto/secrets.js";
import { prisma } from "../../db/client.js";
import { isIdOf, newId } from "../../db/ids.js";
import { NotFoundError, UpstreamError } from "../../errors.js";
import { publishPersonalConfigurationChange } from "../../events/publish.js";
import type { PubSub } from "../../events/pubsub.js";
import { type PersonalConfiguration, type Preset, Prisma } from "../../generated/prisma/client.js";
import { configurationProblems } from "../common/config-schema.js";
import { type CredentialsInput, personalCredentials } from "../common/credentials.js";
import { CONFIGURATION_LIMITS, DESCRIPTION_MAX, METADATA_LIMITS, NAME_MAX, checkJsonObject, checkText, invalid, throwIfInvalid } from "../common/input-rules.js";
import { fillMcpUrl } from "../common/mcp-url.js";
import { probe } from "../common/reachability.js";

interface Ctx {
  viewer: Viewer;
  pubsub: PubSub;
}

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

/** The sealed columns for credentials; the row id binds the ciphertext to this row. */
function credentialColumns(id: string, input: CredentialsInput | null) {
  if (!input) return { credentialType: null, credentialsEnc: null, credentialsExpireAt: null };
  const c = personalCredentials(input, PATH("credentials"));
  return { credentialType: c.type, credentialsEnc: sealJson("PersonalConfiguration.credentialsEnc", id, c.secret), credentialsExpireAt: c.expiresAt ?? null };
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
export async function createPersonalConfiguration(ctx: Ctx, input: CreatePersonalConfigurationInput): Promise<PersonalConfiguration> {
  const preset = await prisma.preset.findUnique({ where: { slug: input.presetSlug } });
  if (!preset) throw new NotFoundError(null, `preset with slug "${input.presetSlug}"`);
  if (!preset.enabled) throw invalid([{ path: PATH("presetSlug"), message: "names a disabled preset" }]);
  throwIfInvalid([...checkFields(input, true), ...checkPresetConfiguration(preset, input.configuration)]);
  const id = newId("pconf");
  const row = await prisma.personalConfiguration.create({
    data: {
      id,
      organizationId: ctx.viewer.organizationId,
      userId: ctx.viewer.userId,
      apiKeyId: ctx.viewer.userId ? null : ctx.viewer.apiKeyId,
      presetId: preset.id,
      name: input.name.trim(),
      description: input.description ?? null,
      configuration: input.configuration as Prisma.InputJsonObject,
      ...credentialColumns(id, input.credentials ?? null),
      enabled: input.enabled ?? true,
      metadata: (input.metadata ?? undefined) as Prisma.InputJsonObject | undefined,
    },
  });
  publishPersonalConfigurationChange(ctx.pubsub, row);
  return row;
}

async function visible(viewer: Viewer, id: string) {
  const row = isIdOf("pconf", id)
    ? await prisma.personalConfiguration.findFirst({ where: { id, ...visiblePersonalConfigurationsWhere(viewer) }, include: { preset: true } })
    : null;
  if (!row) throw new NotFoundError(id, "personal configuration");
  return row;
}

const MAX_ATTEMPTS = 20;

/** Optimistic concurrency on `version`, as for connectors; publishes after the write. */
async function change(
  ctx: Ctx,
  id: string,
  decide: (current: PersonalConfiguration & { preset: Preset }) => Prisma.PersonalConfigurationUpdateManyMutationInput,
): Promise<PersonalConfiguration> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await visible(ctx.viewer, id);
    const version = current.version + 1;
    const { count } = await prisma.personalConfiguration.updateMany({ where: { id, version: current.version }, data: { ...decide(current), version } });
    if (count === 0) continue;
    publishPersonalConfigurationChange(ctx.pubsub, { id, version });
    return prisma.personalConfiguration.findUniqueOrThrow({ where: { id } });
  }
  throw new Error(`personal configuration ${id} kept changing under ${MAX_ATTEMPTS} attempts`);
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
export async function updatePersonalConfiguration(ctx: Ctx, input: UpdatePersonalConfigurationInput): Promise<PersonalConfiguration> {
  const { id, ...fields } = input;
  if (Object.values(fields).every((v) => v === undefined)) return visible(ctx.viewer, id);
  throwIfInvalid(checkFields(input, false));
  return change(ctx, id, (current) => {
    const configuration = input.configuration ?? undefined;
    if (configuration) throwIfInvalid(checkPresetConfiguration(current.preset, configuration));
    const credentials = input.credentials === undefined ? {} : credentialColumns(id, input.credentials);
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

export async function deletePersonalConfiguration(ctx: Ctx, id: string): Promise<string> {
  const current = await visible(ctx.viewer, id);
  const { count } = await prisma.personalConfiguration.deleteMany({ where: { id: current.id } });
  if (count === 0) throw new NotFoundError(id, "personal configuration");
  publishPersonalConfigurationChange(ctx.pubsub, { id, version: current.version + 1, deleted: true });
  return id;
}

/**
 * Tries the preset's MCP URL (filled from the configuration) and records the outcome. Without the
 * MCP client this shows only whether a server answers there; a failure is still saved (UNHEALTHY)
 * before it is returned.
 */
export async function testPersonalConfiguration(ctx: Ctx, id: string): Promise<PersonalConfiguration> {
  const current = await visible(ctx.viewer, id);
  const filled = fillMcpUrl(current.preset.mcpUrl, current.configuration as Record<string, unknown>);
  const result = filled.url
    ? await probe(filled.url)
    : { reachable: false as const, message: `The configuration lacks ${filled.unfilled.join(", ")}, which the server URL needs` };
  const row = await change(ctx, id, () =>
    result.reachable
      ? { healthStatus: "HEALTHY", lastSyncAt: new Date(), lastError: null }
      : { healthStatus: "UNHEALTHY", lastError: result.message },
  );
  if (!result.reachable) throw new UpstreamError(result.message);
  return row;
}
