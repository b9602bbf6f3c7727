// The load generator, in a process of its own: autocannon against one URL for one slice, asked
// over IPC. Latencies are autocannon's (HDR histogram, milliseconds).
import autocannon from "autocannon";
import { serve } from "../harness/child.js";

export interface Slice {
  url: string;
  headers: Record<string, string>;
  /** one body for every request, or several taken in turn (each request its own rename, say) */
  bodies: string[];
  connections: number;
  seconds: number;
}

export interface SliceResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

function run(slice: Slice): Promise<SliceResult> {
  let next = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: slice.url,
        method: "POST",
        headers: { "content-type": "application/json", ...slice.headers },
        connections: slice.connections,
        duration: slice.seconds,
        requests: [{ setupRequest: (req) => ({ ...req, body: slice.bodies[next++ % slice.bodies.length] }) }],
      },
      (err: Error | null, r: any) => {
        if (err) return reject(err);
        resolve({
          requests: r.requests.total,
          perSecond: r.requests.total / (r.duration || slice.seconds),
          p50: r.latency.p50,
          p99: r.latency.p99,
          errors: r.errors + r.timeouts,
          non2xx: r.non2xx,
        });
      },
    );
  });
}

serve({
  slice: async (m) => run(m.slice as Slice),
  stop: () => ({}),
});
process.send!({ type: "ready" });
