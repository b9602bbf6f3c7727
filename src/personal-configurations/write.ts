import { CONFLICT, optimisticWrite } from "../db/optimistic.js";
import { NotFoundError } from "../errors.js";
import { publishPersonalConfigurationChange } from "../events/publish.js";
import type { PersonalConfiguration, Preset, Prisma } from "../generated/prisma/client.js";
import type { CoreServices } from "../services.js";

export type PersonalConfigurationWithPreset = PersonalConfiguration & { preset: Preset };

export interface PersonalConfigurationChange {
  data: Prisma.PersonalConfigurationUpdateManyMutationInput;
  /**
   * The server's bookkeeping, which nobody watches (lastSyncAt, a refreshed token): written under
   * the same version check, but with no new version, updatedAt kept and nothing published.
   */
  quiet?: boolean;
}

export interface PersonalConfigurationWrite {
  id: string;
  /** restricts which rows count (visibility); a miss is NotFound */
  where?: Prisma.PersonalConfigurationWhereInput;
  /** the change from the row as it is now, or null to write nothing; may run more than once */
  decide: (current: PersonalConfigurationWithPreset) => PersonalConfigurationChange | null;
}

/**
 * The one write of a personal configuration: decide from the current row, write only where
 * `version` is still the one read, and publish after a visible write. Every write that moves
 * updatedAt bumps the version, so a quiet write under the same check cannot undo another's updatedAt.
 * Returns the row as it is afterwards, written or not.
 */
export function writePersonalConfiguration(services: Pick<CoreServices, "db" | "pubsub">, options: PersonalConfigurationWrite): Promise<PersonalConfiguration> {
  const { id } = options;
  return optimisticWrite(`personal configuration ${id}`, async () => {
    const current = await services.db.personalConfiguration.findFirst({ where: { id, ...options.where }, include: { preset: true } });
    if (!current) throw new NotFoundError(id, "personal configuration");
    const change = options.decide(current);
    if (!change) return current;
    const [row] = await services.db.personalConfiguration.updateManyAndReturn({
      where: { id, version: current.version },
      data: change.quiet ? { ...change.data, updatedAt: current.updatedAt } : { ...change.data, version: current.version + 1 },
    });
    if (!row) return CONFLICT;
    if (!change.quiet) publishPersonalConfigurationChange(services.pubsub, row);
    return row;
  });
}
