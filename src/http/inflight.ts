import type { Server } from "node:http";

/**
 * Counts the HTTP requests in flight, so that shutdown can wait for them. Event streams are left
 * out: they end when the subscriptions do, which shutdown does next.
 */
export function trackRequests(server: Server): { idle(timeoutMs: number): Promise<void> } {
  let open = 0;
  let waiters: (() => void)[] = [];
  server.on("request", (req, res) => {
    if ((req.headers.accept ?? "").includes("text/event-stream")) return;
    open++;
    res.once("close", () => {
      if (--open > 0) return;
      for (const w of waiters) w();
      waiters = [];
    });
  });
  return {
    idle: (timeoutMs) =>
      open === 0
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, timeoutMs);
            waiters.push(() => {
              clearTimeout(timer);
              resolve();
            });
          }),
  };
}
