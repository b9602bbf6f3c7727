import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from "jose";
import Provider from "oidc-provider";

/** The audience Plugboard's access tokens are issued for (RFC 8707 resource). */
export const PLUGBOARD_API = "https://plugboard.example.test/graphql";
/** The frontend's client id: the audience of its ID tokens. */
export const FRONTEND_CLIENT = "plugboard-frontend";
const REDIRECT = "http://127.0.0.1/signed-in";

/** A person at the identity provider: claims its tokens carry besides `sub` (roles, org, ...). */
export type TestAccount = Record<string, unknown> & { email?: string; email_verified?: boolean; name?: string };

export interface SignedIn {
  /** a JWT access token (at+jwt) for the resource asked for */
  accessToken: string;
  /** the OpenID Connect ID token, for FRONTEND_CLIENT */
  idToken: string;
}

export interface TestIdentityProvider {
  issuer: string;
  /** the people who can sign in, by subject; change them between sign-ins */
  accounts: Map<string, TestAccount>;
  /** a frontend's sign-in (authorization code with PKCE) as this account, at this provider for real */
  signIn(subject: string, options?: { resource?: string; ttlSeconds?: number }): Promise<SignedIn>;
  /** a new signing key that signs from now on; the old one stays published unless dropOld */
  rotateKeys(options?: { dropOld?: boolean }): Promise<void>;
  /** a token with this provider's `iss` signed by a key it never published (with its own kid) */
  forge(claims: JWTPayload): Promise<string>;
  /** how many times its JWKS was fetched */
  jwksFetches(): number;
  stop(): Promise<void>;
}

async function signingKey() {
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: `k-${randomBytes(4).toString("hex")}`, alg: "RS256", use: "sig" };
}

/**
 * A real OpenID provider (oidc-provider) on loopback for sign-in: a public frontend client,
 * JWT access tokens for PLUGBOARD_API (or any resource asked for) carrying the account's claims,
 * ID tokens with email and profile, and keys that can be rotated. Its login and consent answer at
 * once for the account the test browser names in `x-test-account`.
 */
export async function startIdentityProvider(): Promise<TestIdentityProvider> {
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const http = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const accounts = new Map<string, TestAccount>();
  let keys = [await signingKey()];
  let jwksFetches = 0;

  const build = () => {
    const provider = new Provider(issuer, {
      jwks: { keys },
      clients: [{ client_id: FRONTEND_CLIENT, token_endpoint_auth_method: "none", redirect_uris: [REDIRECT], grant_types: ["authorization_code"], response_types: ["code"] }],
      cookies: { keys: ["test-cookie-key-0123456789abcdef"] },
      // access tokens' lifetimes come from getResourceServerInfo below
      ttl: { AuthorizationCode: 60, IdToken: 3600, Interaction: 600, Session: 86_400, Grant: 86_400 },
      findAccount: async (_ctx: unknown, sub: string) => ({ accountId: sub, claims: async () => ({ sub, ...accounts.get(sub) }) }),
      claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
      // the ID token carries the scopes' claims itself (a frontend reads email and name from it)
      conformIdTokenClaims: false,
      interactions: { url: async (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
      scopes: ["openid", "email", "profile", "api"],
      extraTokenClaims: async (_ctx: unknown, token: { accountId?: string }) => (token.accountId ? { ...accounts.get(token.accountId) } : undefined),
      features: {
        devInteractions: { enabled: false },
        resourceIndicators: {
          enabled: true,
          defaultResource: async () => PLUGBOARD_API,
          useGrantedResource: async () => true,
          getResourceServerInfo: async (ctx: { get(name: string): string }, resource: string) => ({
            scope: "api",
            audience: resource,
            accessTokenTTL: Number(ctx.get("x-test-ttl")) || 3600,
            accessTokenFormat: "jwt",
            jwt: { sign: { alg: "RS256" } },
          }),
        },
      },
    });
    provider.use(async (ctx, next) => {
      await next();
      if (ctx.oidc?.route === "jwks") jwksFetches++;
    });
    const oidc = provider.callback();
    handler = (req, res) => {
      if (req.url?.startsWith("/interaction/")) interact(provider, req, res).catch((e) => res.writeHead(500).end(String(e)));
      else oidc(req, res);
    };
  };
  build();

  return {
    issuer,
    accounts,
    signIn: (subject, options = {}) => codeFlow(issuer, subject, options.resource ?? PLUGBOARD_API, options.ttlSeconds),
    async rotateKeys(options = {}) {
      // oidc-provider signs with the first key of its JWKS; a new instance (same issuer, port and
      // clients) takes the new set, as a provider's rotation publishes it
      keys = [await signingKey(), ...(options.dropOld ? [] : keys)];
      build();
    },
    async forge(claims) {
      const { privateKey } = await generateKeyPair("RS256");
      return new SignJWT({ iss: issuer, ...claims }).setProtectedHeader({ alg: "RS256", kid: `stranger-${randomBytes(4).toString("hex")}` }).setIssuedAt().setExpirationTime("1h").sign(privateKey);
    },
    jwksFetches: () => jwksFetches,
    stop: () =>
      new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      }),
  };
}

/** The login and consent pages, answered at once for the account the browser names. */
async function interact(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === "login") {
    const accountId = String(req.headers["x-test-account"]);
    return provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
  }
  const grant = new provider.Grant({ accountId: details.session!.accountId!, clientId: details.params.client_id! });
  const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(resource, scopes.join(" "));
  return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
}

/** A browser and a frontend: authorize with PKCE, follow the provider's redirects with cookies, redeem the code. */
async function codeFlow(issuer: string, subject: string, resource: string, ttlSeconds?: number): Promise<SignedIn> {
  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  const params = new URLSearchParams({
    client_id: FRONTEND_CLIENT,
    response_type: "code",
    redirect_uri: REDIRECT,
    scope: "openid email profile api",
    resource,
    code_challenge: challenge,
    code_challenge_method: "S256",
    state: randomBytes(8).toString("hex"),
  });
  const jar = new Map<string, string>();
  let url = `${issuer}/auth?${params}`;
  for (let hop = 0; !url.startsWith(REDIRECT); hop++) {
    if (hop > 12) throw new Error("too many redirects");
    const res = await fetch(url, { redirect: "manual", headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "), "x-test-account": subject } });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const eq = pair.indexOf("=");
      jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1));
    }
    const location = res.headers.get("location");
    if (!location) throw new Error(`the sign-in stopped at ${url}: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
    url = new URL(location, url).toString();
  }
  const code = new URL(url).searchParams.get("code");
  if (!code) throw new Error(`no code: ${url}`);
  const res = await fetch(`${issuer}/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...(ttlSeconds ? { "x-test-ttl": String(ttlSeconds) } : {}) },
    body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: REDIRECT, client_id: FRONTEND_CLIENT, code_verifier: verifier, resource }),
  });
  const body = (await res.json()) as { access_token?: string; id_token?: string; error?: string; error_description?: string };
  if (!body.access_token || !body.id_token) throw new Error(`token endpoint: HTTP ${res.status} ${JSON.stringify(body)}`);
  return { accessToken: body.access_token, idToken: body.id_token };
}
