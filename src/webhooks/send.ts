import type { WebhookConfig } from "../config.js";
import { parseAllowlist } from "../egress/allowlist.js";
import { EgressError } from "../egress/errors.js";
import type { Services } from "../services.js";
import { signWebhook } from "./signing.js";
import { checkWebhookUrl } from "./url.js";

/** One attempt's outcome: the receiver's status, or why there was none. Never the receiver's body. */
export type SendOutcome = { statusCode: number; error: string | null } | { statusCode: null; error: string };

export interface SignedRequest {
  url: string;
  /** the delivery id: the same on every attempt, so that receivers can drop a repeat */
  id: string;
  secret: string;
  body: string;
  test: boolean;
}

/**
 * POSTs a delivery through the egress policy (its address judged at connect time, no redirect
 * followed), signed as Standard Webhooks has it with this attempt's timestamp. 2xx is delivered.
 */
export async function sendSigned(services: Pick<Services, "egress" | "logger" | "config">, config: WebhookConfig, request: SignedRequest): Promise<SendOutcome> {
  try {
    // the allowlist may have changed since registration
    checkWebhookUrl(request.url, parseAllowlist(services.config.upstream.egressAllowlist));
  } catch (e) {
    return { statusCode: null, error: `not sent: ${(e as Error).message}` };
  }
  const timestamp = Math.floor(Date.now() / 1000);
  const signal = AbortSignal.timeout(config.timeoutMs);
  try {
    const response = await services.egress.fetch(request.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Plugboard-Webhooks/1",
        "webhook-id": request.id,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signWebhook(request.secret, request.id, timestamp, request.body),
        ...(request.test ? { "plugboard-test-event": "true" } : {}),
      },
      body: request.body,
      signal,
    });
    // the body is not read: it is the receiver's, and may be anything
    await response.body?.cancel().catch(() => {});
    const status = response.status;
    if (status >= 200 && status < 300) return { statusCode: status, error: null };
    const redirect = status >= 300 && status < 400 ? " (redirects are not followed)" : "";
    return { statusCode: status, error: `the receiver answered ${status}${redirect}` };
  } catch (e) {
    if (signal.aborted) return { statusCode: null, error: `no answer within ${config.timeoutMs} ms` };
    // the reason (a refused address, a closed port) goes to the log only, as for every egress
    services.logger.warn({ webhookDeliveryId: request.id, cause: e instanceof EgressError ? e.debug : String(e) }, "webhook delivery failed");
    return { statusCode: null, error: e instanceof EgressError ? e.message : "the delivery could not be sent" };
  }
}
