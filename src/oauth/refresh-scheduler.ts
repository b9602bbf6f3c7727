import type { CoreServices } from "../services.js";
import { type Periodic, periodic } from "../scheduling/periodic.js";
import { expireAbandonedAuthorizations } from "./abandoned.js";
import { type RefreshOptions, type RefreshSummary, refreshDueTokens } from "./refresh.js";

export type RefreshScheduler = Periodic<RefreshSummary>;

/**
 * Every `intervalMs`: the OAuth tokens of connectors that are about to expire are refreshed, then
 * abandoned consents expire. Across instances the per-row lease keeps
 * each refresh to one of them.
 */
export function createRefreshScheduler(services: CoreServices, options: RefreshOptions & { intervalMs: number }): RefreshScheduler {
  return periodic(
    async () => {
      const summary = await refreshDueTokens(services, options);
      await expireAbandonedAuthorizations(services);
      return summary;
    },
    { what: "token refresh", intervalMs: options.intervalMs, logger: services.logger, failed: { refreshed: 0, expired: 0, failed: 0 } },
  );
}
