/**
 * Marks a subscription payload that every subscriber of this process receives as the very same
 * object (one committed event, one load of a connector for it). Only such payloads have their
 * execution shared by subscribers alike (src/transports/shared-subscription-results.ts); any other
 * payload is executed for its subscriber alone.
 */
const SHARED = Symbol("a payload shared by every subscriber");

export function shareable<T extends object>(payload: T): T {
  (payload as { [SHARED]?: true })[SHARED] = true;
  return payload;
}

export const isShared = (payload: unknown): payload is object =>
  typeof payload === "object" && payload !== null && (payload as { [SHARED]?: true })[SHARED] === true;
