import { afterEach, beforeEach, vi } from "vitest";

/**
 * console.warn and console.error of each test, collected: where Relay and Apollo say that something
 * is off (Relay's dev warnings go to console.error as "Warning: …"). Call at the top of a file or a
 * describe block; read `.lines` in the tests.
 */
export function captureConsoleWarnings(): { lines: string[] } {
  const captured = { lines: [] as string[] };
  beforeEach(() => {
    captured.lines = [];
    for (const level of ["error", "warn"] as const) vi.spyOn(console, level).mockImplementation((...args) => void captured.lines.push(args.join(" ")));
  });
  afterEach(() => vi.restoreAllMocks());
  return captured;
}
