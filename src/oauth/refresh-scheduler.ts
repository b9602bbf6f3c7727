import { expireAbandonedAuthorizations } from "./abandoned.js";
import type { CoreServices } from "../services.js";
import { type RefreshOptions, type RefreshSummary, refreshDueTokens } from "./refresh.js";

export interface RefreshScheduler {
  start(): void;
  /** stops the timer and waits for a pass in progress */
  stop(): Promise<void>;
  /** runs a pass now (or joins the one in progress) */
  runNow(): Promise<RefreshSummary>;
}

/**
 * Runs refreshDueTokens, then expireAbandonedAuthorizations, every `intervalMs`. Passes never overlap within one instance; across
 * instances the per-connector lease keeps each refresh to one of them.
 */
export function createRefreshScheduler(services: CoreServices, options: RefreshOptions & { intervalMs: number }): RefreshScheduler {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<RefreshSummary> | null = null;
  const runNow = () => {
    running ??= refreshDueTokens(services, options)
      .then(async (summary) => {
        await expireAbandonedAuthorizations(services);
        return summary;
      })
      .catch((e) => {
        services.logger.error({ err: e }, "token refresh pass failed");
        return { refreshed: 0, expired: 0, failed: 0 };
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  return {
    start() {
      if (timer) return;
      timer = setInterval(() => void runNow(), options.intervalMs);
      timer.unref(); // a pending pass must not keep a stopping process alive
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
    runNow,
  };
}
