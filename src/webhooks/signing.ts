import { createHmac, randomBytes } from "node:crypto";

/**
 * Signing as the Standard Webhooks spec has it (standardwebhooks.com): the secret is `whsec_` and the
 * base64 of 32 random bytes, and those bytes are the HMAC-SHA256 key; the signed content is
 * `<webhook-id>.<webhook-timestamp>.<body>`. Receivers' standard libraries verify it as they are.
 */
export const SECRET_PREFIX = "whsec_";

export const newWebhookSecret = () => SECRET_PREFIX + randomBytes(32).toString("base64");

const keyOf = (secret: string) => Buffer.from(secret.slice(SECRET_PREFIX.length), "base64");

/** The `webhook-signature` header's value: `v1,` and the base64 HMAC. */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const mac = createHmac("sha256", keyOf(secret)).update(`${id}.${timestamp}.${body}`).digest("base64");
  return `v1,${mac}`;
}
