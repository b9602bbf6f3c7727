import { isAdmin, type Viewer } from "../auth/viewer.js";
import type { Db } from "../db/client.js";
import { newId } from "../db/ids.js";
import { type FieldError, ForbiddenError, NotFoundError } from "../errors.js";
import { publishConnectorEvent } from "../events/publish.js";
import type { Connector, Preset, PresetTool, Prisma } from "../generated/prisma/client.js";
import type { ConnectorScope } from "../generated/prisma/enums.js";
import { METADATA_LIMITS, NAME_MAX, checkJsonObject, checkSecret, checkText, invalid, throwIfInvalid } from "../validation/input-rules.js";
import { matchMcpUrl } from "../validation/mcp-url.js";
import { urlCredentialProblem } from "../validation/url-secrets.js";
import type { CoreServices } from "../services.js";
import { writeEvent } from "./events.js";
import { CONFIGURATION_PATH, checkConfiguration } from "./configuration.js";
import { newHandle } from "./handle.js";

export interface CreateConnectorInput {
  presetSlug?: string | null;
  url?: string | null;
  matchPreset?: boolean | null;
  name?: string | null;
  scope?: ConnectorScope | null;
  configuration?: Record<string, unknown> | null;
  metadata?: Record<string, unknown> | null;
  clientId?: string | null;
  clientSecret?: string | null;
}

type PresetWithTools = Preset & { tools: PresetTool[] };

interface Target {
  preset: PresetWithTools | null;
  /** the URL as given, for a connector created from one */
  url: string | null;
  configuration: Record<string, unknown> | null;
  derived: boolean;
  problems: FieldError[];
}

const URL_MAX = 2_048;

async function fromPresetSlug(db: Db, slug: string, configuration: Target["configuration"]): Promise<Target> {
  const preset = await db.preset.findUnique({ where: { slug }, include: { tools: { orderBy: { position: "asc" } } } });
  if (!preset) throw new NotFoundError(null, `preset with slug "${slug}"`);
  if (!preset.enabled) throw invalid([{ path: ["input", "presetSlug"], message: "names a disabled preset" }]);
  return { preset, url: null, configuration, derived: false, problems: [] };
}

async function fromUrl(db: Db, url: string, matchPreset: boolean, given: Target["configuration"]): Promise<Target> {
  const u = new URL(url); // the URL scalar has checked it is an absolute http(s) URL
  // a password or a token in the URL would sit in a plaintext column and in every response
  const secret = urlCredentialProblem(u);
  if (secret) throw invalid([{ path: ["input", "url"], message: secret }]);
  if (url.length > URL_MAX) throw invalid([{ path: ["input", "url"], message: `must be at most ${URL_MAX} characters` }]);
  const presets = matchPreset
    ? await db.preset.findMany({ where: { enabled: true }, include: { tools: { orderBy: { position: "asc" } } }, orderBy: { slug: "asc" } })
    : [];
  for (const preset of presets) {
    const values = matchMcpUrl(preset.mcpUrl, u);
    if (!values) continue;
    // what the URL says fills the configuration; a given value that contradicts it is an error
    const problems = Object.entries(values)
      .filter(([k, v]) => given?.[k] !== undefined && given[k] !== v)
      .map(([k]) => ({ path: [...CONFIGURATION_PATH, k], message: "contradicts the URL" }));
    const derived = !given && Object.keys(values).length > 0;
    const configuration = given || derived ? { ...values, ...given } : null;
    return { preset, url, configuration, derived, problems };
  }
  return { preset: null, url, configuration: given, derived: false, problems: [] };
}

/**
 * A new connector from a preset, or from a URL (which links the preset whose mcpUrl it is, unless
 * matchPreset is false). It starts CREATED at version 1 with the preset's tools and a CREATED event.
 */
export async function createConnector(
  services: Pick<CoreServices, "db" | "pubsub" | "secrets">,
  viewer: Viewer,
  input: CreateConnectorInput,
): Promise<Connector> {
  const { db } = services;
  const scope = input.scope ?? "TEAM";
  if (scope === "TEAM" && !isAdmin(viewer)) {
    throw new ForbiddenError("Only an ADMIN can create a TEAM connector; anyone can create a PERSONAL one");
  }
  if ((input.presetSlug == null) === (input.url == null)) {
    const message = "give either presetSlug or url (exactly one)";
    throw invalid([{ path: ["input", "presetSlug"], message }, { path: ["input", "url"], message }]);
  }
  const configuration = input.configuration ?? null;
  const target = input.presetSlug != null
    ? await fromPresetSlug(db, input.presetSlug, configuration)
    : await fromUrl(db, input.url!, input.matchPreset !== false, configuration);
  const outcome = checkConfiguration(target.preset, target.configuration, { derived: target.derived });
  throwIfInvalid([
    ...target.problems,
    ...outcome.problems,
    ...checkText(input.name, ["input", "name"], NAME_MAX, input.name != null),
    ...checkJsonObject(input.metadata, ["input", "metadata"], METADATA_LIMITS),
    ...checkText(input.clientId, ["input", "clientId"], 512),
    ...(input.clientSecret == null ? [] : checkSecret(input.clientSecret, ["input", "clientSecret"])),
  ]);

  const { preset } = target;
  const id = newId("conn");
  const url = target.url ?? outcome.url!;
  const data: Omit<Prisma.ConnectorUncheckedCreateInput, "handle"> = {
    id,
    organizationId: viewer.organizationId,
    type: preset?.slug ?? "mcp",
    name: input.name?.trim() || preset?.name || new URL(url).hostname,
    url,
    presetId: preset?.id ?? null,
    scope,
    createdById: viewer.userId,
    // the owner of a PERSONAL connector made with a key that stands for no person
    ownerApiKeyId: scope === "PERSONAL" && !viewer.userId ? viewer.apiKeyId : null,
    authType: preset?.authType ?? "NONE",
    isConfigured: outcome.isConfigured,
    configuration: (target.configuration ?? undefined) as Prisma.InputJsonObject | undefined,
    metadata: (input.metadata ?? undefined) as Prisma.InputJsonObject | undefined,
    clientId: input.clientId ?? null,
    clientSecretEnc: input.clientSecret == null ? null : services.secrets.seal("Connector.clientSecretEnc", id, input.clientSecret),
    tools: { create: presetToolRows(preset) },
  };
  const [connector, event] = await db.$transaction(async (tx) => {
    const c = await tx.connector.create({ data: { ...data, handle: await newHandle(tx, viewer.organizationId, data.name) } });
    return [c, await writeEvent(tx, c, "CREATED", null, viewer.userId)] as const;
  });
  publishConnectorEvent(services.pubsub, event);
  return connector;
}

/** The catalog's tool list of a preset as a new connector's tools (discovery replaces it later). */
export function presetToolRows(preset: PresetWithTools | null): Prisma.ConnectorToolCreateWithoutConnectorInput[] {
  return (preset?.tools ?? []).map((t) => ({
    id: newId("tool"),
    name: t.name,
    label: t.label,
    description: t.description,
    type: t.type,
    requiresConfirmation: t.requiresConfirmation,
    inputSchema: (t.inputSchema ?? undefined) as Prisma.InputJsonValue | undefined,
    position: t.position,
  }));
}
