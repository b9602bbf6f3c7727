import { newestAuthorization } from "../connectors/authorizations.js";
import { UpstreamError } from "../errors.js";
import type { CoreServices } from "../services.js";
import type { Connector } from "../generated/prisma/client.js";
import { discover } from "./discovery.js";
import { presetServer } from "./preset-server.js";
import { preferredAuthMethod, type RegisteredClient, registerClient } from "./registration.js";
import type { OAuthServer } from "./types.js";

export interface ResolvedServer {
  server: OAuthServer;
  /** a client registered just now: the caller stores it on the connector with the flow */
  registered: RegisteredClient | null;
}

/**
 * The authorization server and client of a connector: the preset's endpoints when a client id is
 * known for them, otherwise whatever the connector's MCP server advertises (discovery, then dynamic
 * client registration when the connector has no client id yet).
 */
export async function resolveServer(
  services: Pick<CoreServices, "db" | "secrets" | "config" | "egress">,
  connector: Connector,
  redirectUri: string,
): Promise<ResolvedServer> {
  const clients = services.config.oauthClients;
  const preset = connector.presetId
    ? await services.db.preset.findUnique({ where: { id: connector.presetId }, select: { slug: true, oauth: true, oauthScopes: true } })
    : null;
  const previous = await newestAuthorization(services.db, connector.id);
  const last = previous?.server as OAuthServer | undefined;
  // a client registered at a discovered server is only valid there: keep using discovery with it
  const registeredBefore = last?.source === "discovery" && last.clientId === connector.clientId;
  if (preset && !registeredBefore) {
    const server = presetServer(preset, connector, clients, redirectUri);
    if (server) return { server, registered: null };
  }

  let found;
  try {
    found = await discover(connector.url, services.egress);
  } catch (e) {
    const why = e instanceof UpstreamError ? e.message : "discovery failed";
    throw new UpstreamError(
      preset
        ? `No OAuth client is configured for ${preset.slug} (create the connector with clientId, or set OAUTH_CLIENTS) and discovery from its MCP server failed: ${why}`
        : why,
      { kind: e instanceof UpstreamError ? e.details.kind : undefined },
    );
  }
  const { as } = found;
  let scopes = found.scopes.length ? found.scopes : (preset?.oauthScopes ?? []);
  // refresh tokens are what keeps a connector connected for longer than an hour
  if (as.scopes_supported?.includes("offline_access") && !scopes.includes("offline_access")) scopes = [...scopes, "offline_access"];

  const registered = connector.clientId ? null : await registerClient(services, as, connector.id, redirectUri, scopes);
  const hasSecret = registered ? registered.clientSecretEnc !== null : connector.clientSecretEnc !== null;
  const server: OAuthServer = {
    source: "discovery",
    issuer: as.issuer,
    authorizationEndpoint: as.authorization_endpoint!,
    tokenEndpoint: as.token_endpoint!,
    revocationEndpoint: as.revocation_endpoint ?? null,
    clientId: registered?.clientId ?? connector.clientId!,
    clientSecretFrom: hasSecret ? "connector" : "none",
    tokenEndpointAuthMethod:
      registered?.method ?? (registeredBefore ? last!.tokenEndpointAuthMethod : hasSecret ? preferredAuthMethod(as) : "none"),
    scopes,
    resource: found.resource,
    redirectUri,
    presetSlug: preset?.slug ?? null,
    extraParams: {},
  };
  return { server, registered };
}
