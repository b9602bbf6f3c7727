import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/** The resource server of tokens requested without a `resource` parameter. */
const DEFAULT_API = "https://api.example.test/";

/** One request the authorization server answered, as the tests count and inspect them. */
export interface SeenRequest {
  route: string;
  status: number;
  grantType?: string;
  clientId?: string;
  resource?: string;
  hasCodeVerifier: boolean;
  tokenTypeHint?: string;
}

export interface TestAuthServer {
  issuer: string;
  provider: Provider;
  seen: SeenRequest[];
  count(route: string, grantType?: string): number;
  stop(): Promise<void>;
}

export interface AuthServerOptions {
  /** static clients (RFC 7591 registration is open as well) */
  clients?: Record<string, unknown>[];
  /** seconds; short, so tokens are due for refresh at once */
  accessTokenTtl?: number;
}

/**
 * A real OAuth 2.0 authorization server (oidc-provider) on loopback: PKCE required, revocation,
 * open dynamic client registration, refresh tokens for offline_access, RFC 8707 resources. Its
 * interaction (login + consent) is answered by the browser header `x-test-consent: approve|deny`.
 */
export async function startAuthServer(options: AuthServerOptions = {}): Promise<TestAuthServer> {
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const http = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const ttl = options.accessTokenTtl ?? 3600;

  const provider = new Provider(issuer, {
    clients: options.clients ?? [],
    cookies: { keys: ["test-cookie-key-0123456789abcdef"] },
    findAccount: async (_ctx: unknown, sub: string) => ({ accountId: sub, claims: async () => ({ sub }) }),
    interactions: { url: async (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    // every client allowed the refresh_token grant gets one (offline_access is an OpenID scope, and
    // these flows are plain OAuth)
    issueRefreshToken: async (_ctx: unknown, client: { grantTypeAllowed(t: string): boolean }) => client.grantTypeAllowed("refresh_token"),
    scopes: ["openid", "offline_access", "mcp:tools"],
    ttl: { AccessToken: ttl, AuthorizationCode: 60, RefreshToken: 86_400, Grant: 86_400, Interaction: 600, Session: 86_400 },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      registration: { enabled: true, initialAccessToken: false },
      resourceIndicators: {
        enabled: true,
        // a client that names no resource (the presets' fixed endpoints) gets tokens for one API, as
        // providers like GitHub or Google give
        defaultResource: async (_ctx: unknown, _client: unknown, oneOf?: string[]) => (oneOf ? oneOf[0] : DEFAULT_API),
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx: unknown, resource: string) => ({
          scope: "mcp:tools offline_access",
          audience: resource,
          accessTokenTTL: ttl,
          accessTokenFormat: "opaque",
        }),
      },
    },
  });

  const seen: SeenRequest[] = [];
  provider.use(async (ctx, next) => {
    await next();
    const route = ctx.oidc?.route;
    if (!route) return;
    const p = ctx.oidc?.params ?? {};
    seen.push({
      route,
      status: ctx.status,
      grantType: p.grant_type as string | undefined,
      clientId: p.client_id as string | undefined,
      resource: p.resource as string | undefined,
      hasCodeVerifier: typeof p.code_verifier === "string",
      tokenTypeHint: p.token_type_hint as string | undefined,
    });
  });

  const oidc = provider.callback();
  handler = (req, res) => {
    if (req.url?.startsWith("/interaction/")) {
      interact(provider, req, res).catch((e) => res.writeHead(500).end(String(e)));
    } else {
      oidc(req, res);
    }
  };

  return {
    issuer,
    provider,
    seen,
    count: (route, grantType) => seen.filter((s) => s.route === route && (!grantType || s.grantType === grantType)).length,
    stop: () => new Promise<void>((resolve) => {
      http.close(() => resolve());
      http.closeAllConnections();
    }),
  };
}

/** The login and consent pages, answered at once as the test browser asks. */
async function interact(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (req.headers["x-test-consent"] === "deny") {
    return provider.interactionFinished(req, res, { error: "access_denied", error_description: "The user declined" }, { mergeWithLastSubmission: false });
  }
  if (details.prompt.name === "login") {
    return provider.interactionFinished(req, res, { login: { accountId: "test-user" } }, { mergeWithLastSubmission: false });
  }
  const grant = details.grantId
    ? (await provider.Grant.find(details.grantId))!
    : new provider.Grant({ accountId: details.session!.accountId!, clientId: details.params.client_id! });
  const missing = details.prompt.details as {
    missingOIDCScope?: string[];
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
  };
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
    grant.addResourceScope(resource, scopes.join(" "));
  }
  return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
}
