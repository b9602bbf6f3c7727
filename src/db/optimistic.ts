/** What an attempt returns when the row's version moved between its read and its write. */
export const CONFLICT = Symbol("conflict");

// Under heavy contention (dozens of writers on one row) a loser backs off with jitter, so every
// accepted request lands instead of giving up after a few collisions.
const MAX_ATTEMPTS = 200;
const backoff = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 + attempt * 2)));

/**
 * Optimistic concurrency, the same on PGlite and PostgreSQL: `attempt` reads the row, decides, and
 * writes only where `version` is still the one it read, returning CONFLICT when it was not. The one
 * retry loop of the code base: connectors, their deletion and personal configurations use it.
 */
export async function optimisticWrite<T>(what: string, attempt: () => Promise<T | typeof CONFLICT>): Promise<T> {
  for (let n = 0; n < MAX_ATTEMPTS; n++) {
    const result = await attempt();
    if (result !== CONFLICT) return result;
    await backoff(n);
  }
  throw new Error(`${what} kept changing under ${MAX_ATTEMPTS} attempts`);
}
