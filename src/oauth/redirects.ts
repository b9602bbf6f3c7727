import type { ServerConfig } from "../config.js";
import { ValidationError } from "../errors.js";

const PATH = ["input", "redirectUrl"];

/**
 * Where the browser may be sent after consent: this server's own origin or one listed in
 * ALLOWED_REDIRECT_ORIGINS. Anything else would make the callback an open redirect.
 */
export function checkRedirectUrl(redirectUrl: string | null, config: ServerConfig, origin: string): string | null {
  if (redirectUrl === null || redirectUrl === "") return null;
  let url: URL;
  try {
    url = new URL(redirectUrl);
  } catch {
    throw ValidationError.field(PATH, "redirectUrl must be an absolute http(s) URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw ValidationError.field(PATH, "redirectUrl must be an absolute http(s) URL");
  }
  const allowed = new Set([origin, ...config.allowedRedirectOrigins].map(originOf).filter(Boolean));
  if (!allowed.has(url.origin)) {
    throw ValidationError.field(PATH, `redirectUrl's origin ${url.origin} is not allowed (see ALLOWED_REDIRECT_ORIGINS)`);
  }
  return url.toString();
}

function originOf(value: string): string | null {
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}
