import type { FieldError } from "../errors.js";
import type { Preset } from "../generated/prisma/client.js";
import { configurationProblems, configuredWithoutConfiguration } from "../validation/config-schema.js";
import { CONFIGURATION_LIMITS, checkJsonObject } from "../validation/input-rules.js";
import { fillMcpUrl, hasPlaceholders } from "../validation/mcp-url.js";

export const CONFIGURATION_PATH = ["input", "configuration"];

export interface ConfigurationOutcome {
  problems: FieldError[];
  isConfigured: boolean;
  /** the preset's mcpUrl filled from the configuration (the template itself while it cannot be) */
  url: string | null;
}

type PresetLike = Pick<Preset, "id" | "updatedAt" | "configSchema" | "mcpUrl">;

/**
 * A connector's configuration checked against its preset: size, configSchema (ajv), and the
 * placeholders of the preset's URL. A custom MCP server (no preset) accepts any object.
 * `derived` marks a configuration taken from a matched URL rather than given: it cannot be wrong in
 * the person's input, so failing the schema only leaves the connector unconfigured.
 */
export function checkConfiguration(
  preset: PresetLike | null,
  configuration: Record<string, unknown> | null,
  options: { derived?: boolean } = {},
): ConfigurationOutcome {
  const size = checkJsonObject(configuration, CONFIGURATION_PATH, CONFIGURATION_LIMITS);
  if (size.length) return { problems: size, isConfigured: false, url: null };
  if (!preset) return { problems: [], isConfigured: true, url: null };
  if (!configuration) {
    return { problems: [], isConfigured: configuredWithoutConfiguration(preset), url: preset.mcpUrl };
  }
  const schema = configurationProblems(preset, configuration, CONFIGURATION_PATH);
  const filled = fillMcpUrl(preset.mcpUrl, configuration);
  const urlProblems = filled.unfilled.map((name) => ({
    path: [...CONFIGURATION_PATH, name],
    message: "is needed to build the server URL (one host name label or path segment)",
  }));
  const problems = schema.length ? schema : urlProblems;
  if (options.derived && problems.length) return { problems: [], isConfigured: false, url: filled.url ?? preset.mcpUrl };
  return { problems, isConfigured: problems.length === 0, url: filled.url ?? preset.mcpUrl };
}

/** Whether a preset's URL depends on the configuration, so a new configuration moves the URL. */
export const urlFollowsConfiguration = (preset: Pick<Preset, "mcpUrl"> | null) => !!preset && hasPlaceholders(preset.mcpUrl);
