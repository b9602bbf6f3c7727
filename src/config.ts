/** OAuth clients configured by the operator per preset slug (OAUTH_CLIENTS). */
export type OAuthClients = Record<string, { clientId: string; clientSecret?: string }>;

/** The server's configuration as services see it: built once from the environment by the composition root. */
export interface ServerConfig {
  /** the URL people and providers reach this server at; otherwise each request's own origin */
  publicUrl?: string;
  /** origins that OAuth may send the browser back to, besides the server's own */
  allowedRedirectOrigins: string[];
  /** OAuth clients per preset slug, for presets whose connectors bring none */
  oauthClients: OAuthClients;
  /** schema introspection (INTROSPECTION): on unless false, without a key too (src/auth/introspection.ts) */
  introspection: boolean;
}

export const defaultConfig = (given: Partial<ServerConfig> = {}): ServerConfig => ({
  allowedRedirectOrigins: [],
  oauthClients: {},
  introspection: true,
  ...given,
});
