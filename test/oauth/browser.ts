/**
 * A browser for the consent dance: follows the provider's redirects with its cookies until the
 * redirect to Plugboard's callback, which it returns without opening (the test opens it).
 */
export async function consent(authorizationUrl: string, callbackPrefix: string, decision: "approve" | "deny" = "approve"): Promise<string> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  for (let hop = 0; hop < 12; hop++) {
    if (url.startsWith(callbackPrefix)) return url;
    const res = await fetch(url, {
      redirect: "manual",
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "), "x-test-consent": decision },
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const eq = pair.indexOf("=");
      const [name, value] = [pair.slice(0, eq).trim(), pair.slice(eq + 1)];
      if (!value || /expires=Thu, 01 Jan 1970/i.test(cookie)) jar.delete(name);
      else jar.set(name, value);
    }
    const location = res.headers.get("location");
    if (!location) throw new Error(`the consent stopped at ${url}: HTTP ${res.status} ${(await res.text()).slice(0, 500)}`);
    url = new URL(location, url).toString();
  }
  throw new Error("too many redirects");
}

/** Opens the callback as the browser would, without following Plugboard's redirect. */
export const openCallback = (url: string) => fetch(url, { redirect: "manual" });
