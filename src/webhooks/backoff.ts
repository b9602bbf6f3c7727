import type { WebhookConfig } from "../config.js";

/**
 * The wait after the n-th failed attempt (n from 1): base × 2^(n-1), capped, with up to a fifth
 * taken off at random so that deliveries that failed together do not all come back together.
 */
export function retryDelayMs(config: Pick<WebhookConfig, "backoffBaseMs" | "backoffMaxMs">, failures: number, random = Math.random): number {
  const full = Math.min(config.backoffMaxMs, config.backoffBaseMs * 2 ** Math.min(failures - 1, 40));
  return Math.max(1, Math.round(full * (1 - 0.2 * random())));
}
