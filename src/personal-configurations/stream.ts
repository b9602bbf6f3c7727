import { canSeePersonalConfiguration, visiblePersonalConfigurationsWhere } from "../auth/visibility.js";
import type { Viewer } from "../auth/viewer.js";
import { isIdOf } from "../db/ids.js";
import { NotFoundError } from "../errors.js";
import { entityStream } from "../events/entity-stream.js";
import type { PersonalConfiguration } from "../generated/prisma/client.js";
import type { Services } from "../services.js";

/** personalConfigurationChanged: the configuration now, then after every change (health included). */
export async function personalConfigurationStream(
  services: Services,
  viewer: Viewer,
  id: string,
): Promise<AsyncIterableIterator<PersonalConfiguration | Error>> {
  if (!isIdOf("pconf", id)) throw new NotFoundError(id, "personal configuration");
  return entityStream<PersonalConfiguration>({
    listen: (on) => services.personalConfigurationChanges.listen(id, on),
    // messages published while Redis was away are lost: read it again once it is back
    onReconnect: (reread) => services.pubsub.onReconnect(reread),
    current: () => services.db.personalConfiguration.findFirst({ where: { id, ...visiblePersonalConfigurationsWhere(viewer) } }),
    visible: (p) => canSeePersonalConfiguration(viewer, p),
    notFound: () => new NotFoundError(id, "personal configuration"),
    failed: (err) => {
      services.logger.error({ err, personalConfigurationId: id }, "personalConfigurationChanged failed");
      return err instanceof Error ? err : new Error(String(err));
    },
  });
}
