/**
 * One subscriber's stream. The publishing side pushes synchronously, so fanning an event out never
 * waits on a slow subscriber; the GraphQL side pulls. `return()` ends it at once even while a pull
 * is waiting: an async generator could not (its return() queues behind the pending await), and idle
 * subscriptions would keep their listeners after the client left.
 */
export class Channel<T> implements AsyncIterableIterator<T> {
  private buffer: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | null = null;
  private roomWaiters: (() => void)[] = [];
  private ended = false;
  private closed = false;

  constructor(
    /** past this many unread values the subscriber is too slow: it gets `overflow()` and the end */
    private readonly limit: number,
    private readonly overflow: () => T,
    private readonly onClose: () => void = () => {},
  ) {}

  push(value: T): void {
    if (this.ended) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value, done: false });
    } else if (this.buffer.length >= this.limit) {
      this.buffer = [this.overflow()];
      this.end();
    } else {
      this.buffer.push(value);
    }
  }

  /**
   * Reads the current state after listening began and puts it first, so nothing committed in
   * between is missed. Closes the channel and throws `notFound()` when there is nothing to show.
   */
  async startWith<C>(load: () => Promise<C | null>, wrap: (current: C) => T, notFound: () => Error): Promise<C> {
    let current: C | null;
    try {
      current = await load();
    } catch (err) {
      await this.return();
      throw err;
    }
    if (!current) {
      await this.return();
      throw notFound();
    }
    this.unshift(wrap(current));
    return current;
  }

  /** puts a value before everything buffered (the current state, read after listening began) */
  unshift(value: T): void {
    if (this.waiting) this.push(value);
    else if (!this.ended) this.buffer.unshift(value);
  }

  /** no more values; those already buffered are still read */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.waiting && this.buffer.length === 0) this.finish();
  }

  /** resolves once the reader has caught up to half the limit (backpressure for replays) */
  async room(): Promise<void> {
    if (this.buffer.length <= this.limit / 2 || this.closed) return;
    await new Promise<void>((resolve) => this.roomWaiters.push(resolve));
  }

  get isClosed(): boolean {
    return this.closed;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.buffer.length > 0) {
      const value = this.buffer.shift() as T;
      if (this.buffer.length <= this.limit / 2) this.wakeRoomWaiters();
      if (this.ended && this.buffer.length === 0) this.close();
      return Promise.resolve({ value, done: false });
    }
    if (this.ended || this.closed) {
      this.close();
      return Promise.resolve({ value: undefined, done: true });
    }
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<T>> {
    this.ended = true;
    this.buffer = [];
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private finish(): void {
    const resolve = this.waiting;
    this.waiting = null;
    resolve?.({ value: undefined, done: true });
    this.close();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.wakeRoomWaiters();
    this.onClose();
  }

  private wakeRoomWaiters(): void {
    const waiters = this.roomWaiters;
    this.roomWaiters = [];
    for (const w of waiters) w();
  }
}

export const SKIP = Symbol("skip");
export const END = Symbol("end");

/**
 * Pulls from `source` through an async step that may drop a value (SKIP) or end the stream (END).
 * Steps run one at a time, so values keep their order even when a step waits on a load. A step that
 * throws turns into one last value (`failed`), so the client gets an error result, not a torn stream.
 */
export function pull<T, R>(
  source: AsyncIterableIterator<T>,
  step: (value: T) => R | typeof SKIP | typeof END | Promise<R | typeof SKIP | typeof END>,
  failed: (err: unknown) => R,
): AsyncIterableIterator<R> {
  let done = false;
  const finish = async (): Promise<IteratorResult<R>> => {
    done = true;
    await source.return?.();
    return { value: undefined, done: true };
  };
  return {
    async next() {
      while (!done) {
        const r = await source.next();
        if (r.done) return finish();
        let out: R | typeof SKIP | typeof END;
        try {
          out = await step(r.value);
        } catch (err) {
          void finish();
          return { value: failed(err), done: false };
        }
        if (done) break;
        if (out === END) return finish();
        if (out !== SKIP) return { value: out as R, done: false };
      }
      return { value: undefined, done: true };
    },
    return: () => finish(),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
