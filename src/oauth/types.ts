/**
 * How one authorization flow talks to its authorization server. Stored on each OAuthAuthorization
 * (`server`), so the callback, refresh and revocation use exactly what the flow started with.
 * It holds no secret: the client secret is looked up where `clientSecretFrom` says, when needed.
 */
export interface OAuthServer {
  source: "preset" | "discovery";
  /** known for discovered servers (the callback checks `iss` against it, RFC 9207); optional for presets */
  issuer: string | null;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  revocationEndpoint: string | null;
  clientId: string;
  clientSecretFrom: "connector" | "environment" | "none";
  tokenEndpointAuthMethod: TokenEndpointAuthMethod;
  scopes: string[];
  /** RFC 8707 resource indicator: the MCP server, when its authorization server was discovered */
  resource: string | null;
  redirectUri: string;
  presetSlug: string | null;
  /** fixed extra authorization parameters from the preset (e.g. Google's access_type=offline) */
  extraParams: Record<string, string>;
}

export type TokenEndpointAuthMethod = "client_secret_basic" | "client_secret_post" | "none";


import type { OAuthClients } from "../config.js";

export type { OAuthClients };

/** What Connector.credentialsEnc holds for OAuth connectors (sealed). */
export interface StoredCredentials {
  accessToken: string;
  refreshToken?: string;
  tokenType?: string;
  scope?: string;
}
