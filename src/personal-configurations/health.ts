import type { Viewer } from "../auth/viewer.js";
import { sameJson } from "../connectors/canonical-json.js";
import { sentence } from "../connectors/upstream.js";
import { NotFoundError, UpstreamError } from "../errors.js";
import type { PersonalConfiguration } from "../generated/prisma/client.js";
import type { Services, UpstreamOutcome } from "../services.js";
import { fillMcpUrl } from "../validation/mcp-url.js";
import { visiblePersonalConfiguration } from "./service.js";
import { type PersonalConfigurationWithPreset, writePersonalConfiguration } from "./write.js";

type Deps = Pick<Services, "db" | "pubsub" | "upstream" | "metrics">;

/**
 * The attempt was made with a configuration or credentials a person has replaced since: its outcome
 * is moot. A token refresh changes the ciphertext too, but quietly (no new version).
 */
const superseded = (now: PersonalConfiguration, then: PersonalConfiguration) =>
  now.version !== then.version && (now.credentialsEnc !== then.credentialsEnc || !sameJson(now.configuration, then.configuration));

/**
 * What one look at the configuration's server found: HEALTHY with lastSyncAt, or UNHEALTHY with the
 * failure as lastError. A new version is written (and published) only when healthStatus or
 * lastError changed; lastSyncAt alone is quiet, and a failure the row already shows writes nothing.
 */
export function recordPersonalHealth(
  services: Pick<Services, "db" | "pubsub">,
  read: PersonalConfiguration,
  outcome: UpstreamOutcome<unknown>,
): Promise<PersonalConfiguration> {
  const now = new Date();
  return writePersonalConfiguration(services, {
    id: read.id,
    decide: (c) => {
      if (superseded(c, read)) return null;
      if (outcome.ok) {
        return { quiet: c.healthStatus === "HEALTHY" && c.lastError === null, data: { healthStatus: "HEALTHY", lastError: null, lastSyncAt: now } };
      }
      const message = sentence(outcome.failure);
      if (c.healthStatus === "UNHEALTHY" && c.lastError === message) return null;
      return { data: { healthStatus: "UNHEALTHY", lastError: message } };
    },
  });
}

/** initialize then ping at the preset's MCP URL filled from the configuration, with its credentials. */
async function check(services: Deps, pc: PersonalConfigurationWithPreset): Promise<UpstreamOutcome<void>> {
  const filled = fillMcpUrl(pc.preset.mcpUrl, pc.configuration as Record<string, unknown>);
  const outcome: UpstreamOutcome<void> = filled.url
    ? await services.upstream.check({ personalConfiguration: pc, url: filled.url })
    : { ok: false, failure: { kind: "unusable", message: `The configuration lacks ${filled.unfilled.join(", ")}, which the server URL needs` } };
  services.metrics.healthCheck("personal_configuration", outcome.ok ? "ok" : outcome.failure.kind);
  return outcome;
}

/**
 * testPersonalConfiguration: an MCP handshake and ping with the configuration's credentials (each
 * step within MCP_TIMEOUT), recorded; a failure is saved (UNHEALTHY) before it is returned.
 */
export async function testPersonalConfiguration(services: Deps, viewer: Viewer, id: string): Promise<PersonalConfiguration> {
  const pc = await visiblePersonalConfiguration(services.db, viewer, id);
  const outcome = await check(services, pc);
  const after = await recordPersonalHealth(services, pc, outcome);
  if (!outcome.ok) throw new UpstreamError(sentence(outcome.failure), { kind: outcome.failure.kind });
  return after;
}

/** The server's own check of an enabled configuration (the periodic checker). Never throws for the server's failure. */
export async function lookAtPersonalConfiguration(services: Deps, id: string): Promise<PersonalConfiguration | null> {
  const pc = await services.db.personalConfiguration.findUnique({ where: { id }, include: { preset: true } });
  if (!pc?.enabled) return pc;
  const outcome = await check(services, pc);
  try {
    return await recordPersonalHealth(services, pc, outcome);
  } catch (e) {
    if (e instanceof NotFoundError) return null; // deleted meanwhile
    throw e;
  }
}
