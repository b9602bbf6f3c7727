import { ValidationError } from "../errors.js";
import type { Connector, Preset } from "../generated/prisma/client.js";
import type { OAuthClients, OAuthServer, TokenEndpointAuthMethod } from "./types.js";

/** Preset.oauth as the catalog writes it; the optional fields let a catalog entry say more. */
export interface PresetOAuth {
  authorizationUrl: string;
  tokenUrl: string;
  revocationUrl?: string;
  clientId?: string;
  issuer?: string;
  tokenEndpointAuthMethod?: TokenEndpointAuthMethod;
  extraParams?: Record<string, string>;
}

type ConnectorFields = Pick<Connector, "clientId" | "clientSecretEnc" | "configuration">;

/**
 * The server of a preset with OAuth endpoints, or null when no client id is known for it (the
 * caller then tries discovery and registration). Client id: the connector's, else the operator's
 * OAUTH_CLIENTS entry for the preset, else the catalog's `oauth.clientId` (a public client).
 */
export function presetServer(
  preset: Pick<Preset, "slug" | "oauth" | "oauthScopes">,
  connector: ConnectorFields,
  clients: OAuthClients,
  redirectUri: string,
): OAuthServer | null {
  const o = preset.oauth as PresetOAuth | null;
  if (!o?.authorizationUrl || !o.tokenUrl) return null;
  const client = pickClient(preset.slug, o, connector, clients);
  if (!client) return null;
  const config = (connector.configuration ?? {}) as Record<string, unknown>;
  return {
    source: "preset",
    issuer: o.issuer ? fill(o.issuer, config, preset.slug) : null,
    authorizationEndpoint: fill(o.authorizationUrl, config, preset.slug),
    tokenEndpoint: fill(o.tokenUrl, config, preset.slug),
    revocationEndpoint: o.revocationUrl ? fill(o.revocationUrl, config, preset.slug) : null,
    clientId: client.clientId,
    clientSecretFrom: client.secretFrom,
    tokenEndpointAuthMethod:
      client.secretFrom === "none" ? "none" : (o.tokenEndpointAuthMethod ?? "client_secret_post"),
    scopes: preset.oauthScopes,
    resource: null,
    redirectUri,
    presetSlug: preset.slug,
    extraParams: o.extraParams ?? {},
  };
}

function pickClient(slug: string, o: PresetOAuth, c: ConnectorFields, clients: OAuthClients) {
  if (c.clientId) return { clientId: c.clientId, secretFrom: c.clientSecretEnc ? "connector" : "none" } as const;
  // the operator's configuration wins over the catalog's default client
  const configured = clients[slug];
  if (configured) return { clientId: configured.clientId, secretFrom: configured.clientSecret ? "environment" : "none" } as const;
  if (o.clientId) return { clientId: o.clientId, secretFrom: "none" } as const;
  return null;
}

/**
 * Fills `{name}` placeholders from the connector's configuration. Values are percent-encoded, so a
 * value cannot leave its URL component (e.g. turn `{subdomain}.zendesk.com` into another host).
 */
export function fill(template: string, configuration: Record<string, unknown>, slug: string): string {
  const url = template.replace(/\{([A-Za-z0-9_]+)\}/g, (_m, name: string) => {
    const value = configuration[name];
    if (typeof value !== "string" && typeof value !== "number") {
      throw new ValidationError(`The OAuth endpoints of ${slug} need \`${name}\` in the connector's configuration`, [
        { path: ["configuration", name], message: `${name} is required for OAuth` },
      ]);
    }
    return encodeURIComponent(String(value));
  });
  try {
    new URL(url);
    return url; // as written: an issuer is compared as a string (RFC 9207)
  } catch {
    throw ValidationError.field(["configuration"], `The OAuth endpoints of ${slug} are not valid URLs with this configuration`);
  }
}
