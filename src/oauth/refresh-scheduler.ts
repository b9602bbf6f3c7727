import type { CoreServices } from "../services.js";
import { type Periodic, periodic } from "../scheduling/periodic.js";
import { expireAbandonedAuthorizations } from "./abandoned.js";
import { refreshDuePersonalTokens } from "./personal-refresh.js";
import { type RefreshOptions, type RefreshSummary, refreshDueTokens } from "./refresh.js";

export type RefreshScheduler = Periodic<RefreshSummary>;

const add = (a: RefreshSummary, b: RefreshSummary): RefreshSummary => ({ refreshed: a.refreshed + b.refreshed, expired: a.expired + b.expired, failed: a.failed + b.failed });

/**
 * Every `intervalMs`: the OAuth tokens of connectors and of personal configurations that are about
 * to expire are refreshed, then abandoned consents expire. Across instances the per-row lease keeps
 * each refresh to one of them.
 */
export function createRefreshScheduler(services: CoreServices, options: RefreshOptions & { intervalMs: number }): RefreshScheduler {
  return periodic(
    async () => {
      const [connectors, personal] = await Promise.all([refreshDueTokens(services, options), refreshDuePersonalTokens(services, options)]);
      await expireAbandonedAuthorizations(services);
      return add(connectors, personal);
    },
    { what: "token refresh", intervalMs: options.intervalMs, logger: services.logger, failed: { refreshed: 0, expired: 0, failed: 0 } },
  );
}
