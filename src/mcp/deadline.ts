/** A step that took longer than the MCP timeout, where the SDK has no timeout of its own. */
export class Deadline extends Error {
  override readonly name = "Deadline";
}

/** `promise`, or a Deadline error after `ms`; a late rejection is dropped, not left unhandled. */
export function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Deadline()), ms)));
  promise.catch(() => {});
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}
