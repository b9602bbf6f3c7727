import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson } from "../http/json.js";
import type { Metrics } from "./metrics.js";

const digest = (s: string) => createHash("sha256").update(s).digest();

/** GET /metrics in Prometheus' text format; with METRICS_TOKEN set, only for `Authorization: Bearer <token>`. */
export function metricsRoute(metrics: Metrics, token: string | undefined) {
  const expected = token ? digest(token) : null;
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("allow", "GET, HEAD");
      return sendJson(res, 405, { error: "method not allowed" });
    }
    if (expected) {
      const given = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "")?.[1]?.trim() ?? "";
      // compared as digests: equal lengths, and no early exit that tells how much matched
      if (!timingSafeEqual(digest(given), expected)) {
        res.setHeader("www-authenticate", 'Bearer realm="metrics"');
        return sendJson(res, 401, { error: "send Authorization: Bearer <METRICS_TOKEN>" });
      }
    }
    const { contentType, body } = await metrics.render();
    res.writeHead(200, { "content-type": contentType, "cache-control": "no-store" });
    res.end(req.method === "HEAD" ? undefined : body);
  };
}
