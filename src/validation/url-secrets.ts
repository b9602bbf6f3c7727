/**
 * A URL that carries a credential: a user name or password, or a query parameter named like a token,
 * key, secret, password or signature. Such a URL would be stored in a plaintext column and returned in
 * every response, so it is refused the way a password in the URL is; credentials travel in the
 * encrypted credentials instead.
 */

// compared after lowercasing and dropping everything but letters and digits: api_key, api-key, apiKey
const EXACT = new Set(["key", "sig", "pwd", "pass", "auth", "jwt", "bearer", "session", "sessionid", "sid", "code"]);
const CONTAINS = ["token", "secret", "password", "passwd", "apikey", "accesskey", "privatekey", "signature", "credential", "authorization", "authkey"];

const normalized = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");

export function isCredentialParameter(name: string): boolean {
  const n = normalized(name);
  return EXACT.has(n) || CONTAINS.some((part) => n.includes(part));
}

/** Why `url` must not be stored, or null. Never repeats the value. */
export function urlCredentialProblem(url: URL): string | null {
  if (url.username || url.password) return "must not contain a user name or password: connect with credentials instead";
  for (const name of new Set(url.searchParams.keys())) {
    // the name is the client's own and may hold anything: it is quoted only when it is a plain word
    if (isCredentialParameter(name) && !/^[\w.-]{1,40}$/.test(name)) return "must not carry a credential in its query string: connect with credentials instead";
    if (isCredentialParameter(name)) return `must not carry a credential in its query string (the "${name}" parameter): connect with credentials instead`;
  }
  return null;
}
