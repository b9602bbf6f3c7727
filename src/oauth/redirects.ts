import type { ServerConfig } from "../config.js";
import { ValidationError } from "../errors.js";
import { urlCredentialProblem } from "../validation/url-secrets.js";

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
  // the browser lands there with the connector's id in the query: a secret in it would be stored in clear
  const secret = urlCredentialProblem(url);
  if (secret) throw ValidationError.field(PATH, `redirectUrl ${secret}`);
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
