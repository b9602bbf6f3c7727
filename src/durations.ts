/**
 * A duration from the environment: a whole number of milliseconds, or one with a unit (500ms, 10s,
 * 15m, 1h). Throws a message naming the variable and the accepted range.
 */
export function parseDuration(name: string, value: string | undefined, fallbackMs: number, range: { min: number; max: number }): number {
  if (value === undefined || value.trim() === "") return fallbackMs;
  const m = /^\s*(\d+)\s*(ms|s|m|h)?\s*$/i.exec(value);
  const ms = m ? Number(m[1]) * { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 }[(m[2] ?? "ms").toLowerCase() as "ms"] : NaN;
  if (!Number.isSafeInteger(ms) || ms < range.min || ms > range.max) {
    throw new Error(`${name}: "${value}" is not a duration between ${range.min} and ${range.max} ms (write e.g. 2500, 10s or 15m)`);
  }
  return ms;
}
