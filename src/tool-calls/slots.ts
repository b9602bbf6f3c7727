/**
 * The calls each API key has in flight on this instance, held to MCP_MAX_CONCURRENT_CALLS so that
 * one agent cannot take every upstream connection. In memory: a cap per instance, not a global one.
 */
export class CallSlots {
  private readonly inFlight = new Map<string, number>();

  constructor(readonly max: number) {}

  /** A slot for the key (call the returned function once, when the call ends), or null when all are taken. */
  take(apiKeyId: string): (() => void) | null {
    const n = this.inFlight.get(apiKeyId) ?? 0;
    if (n >= this.max) return null;
    this.inFlight.set(apiKeyId, n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.inFlight.get(apiKeyId) ?? 1) - 1;
      if (left > 0) this.inFlight.set(apiKeyId, left);
      else this.inFlight.delete(apiKeyId);
    };
  }

  /** calls in flight, of one key or of all */
  count(apiKeyId?: string): number {
    if (apiKeyId) return this.inFlight.get(apiKeyId) ?? 0;
    let n = 0;
    for (const v of this.inFlight.values()) n += v;
    return n;
  }
}
