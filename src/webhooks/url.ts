import { type Allowlist, isAllowlistedHost } from "../egress/allowlist.js";
import { ValidationError } from "../errors.js";

export const MAX_URL_LENGTH = 2048;

/**
 * A webhook's target, checked when it is registered: https (plain http only to a host the egress
 * allowlist names, such as a loopback receiver in development), no credentials in it, bounded in
 * length. Where it resolves to is judged by the egress policy at every delivery.
 */
export function checkWebhookUrl(raw: string, allowlist: Allowlist, path: string[] = ["input", "url"]): string {
  const refuse = (message: string) => ValidationError.field(path, message);
  if (raw.length > MAX_URL_LENGTH) throw refuse(`url may be at most ${MAX_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse("url is not a URL");
  }
  if (url.username || url.password) throw refuse("url must not hold credentials: the signature authenticates deliveries");
  if (url.hash) throw refuse("url must not have a fragment");
  if (url.protocol === "https:") return url.href;
  if (url.protocol === "http:" && isAllowlistedHost(url.hostname, allowlist)) return url.href;
  throw refuse(url.protocol === "http:" ? "url must be https (plain http only to a host EGRESS_ALLOWLIST names)" : "url must be https");
}
