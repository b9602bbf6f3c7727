import type { Viewer } from "../auth/viewer.js";
import type { Connector } from "../generated/prisma/client.js";
import type { Services } from "../services.js";
import { checkText, throwIfInvalid } from "../validation/input-rules.js";
import { changeAsViewer, manageableConnector } from "./access.js";
import { AUTH_TYPE_OF, type ConnectSecrets, connectCredentials } from "./credentials.js";
import { isOAuthConnector, promotedToOAuth } from "./facts.js";
import { transition } from "./state-machine.js";

export interface ConnectInput extends ConnectSecrets {
  id: string;
  redirectUrl?: string | null;
  /** this server's origin: the OAuth redirect_uri is built from it */
  origin: string;
}

/**
 * Connects (or reconnects) a connector: with credentials it stores them sealed and goes CONNECTED;
 * an OAuth connector without a token starts the consent flow (AUTH_REQUIRED). A custom MCP server
 * connected without credentials is asked first (an unauthenticated MCP initialize): a 401 starts the
 * consent flow with the server's discovered authorization server and makes the connector OAUTH,
 * any other answer connects it as NONE. The connector keeps its id, configuration, metadata, tools
 * and history whatever state it comes from.
 */
export async function connectConnector(services: Services, viewer: Viewer, input: ConnectInput): Promise<Connector> {
  const current = await manageableConnector(services.db, viewer, input.id);
  const credentials = connectCredentials(current.authType, !current.presetId, input);
  const consent = (connector: Connector) =>
    services.authorization.begin({ connector, redirectUrl: input.redirectUrl ?? null, viewer, origin: input.origin });
  if (!credentials && current.presetId && isOAuthConnector(current)) {
    transition(current.state, "startAuthorization"); // InvalidStateError before any call to the provider
    return consent(current);
  }
  if (!credentials && !current.presetId) {
    // InvalidStateError before asking the server anything, whichever way it answers
    transition(current.state, "authorize");
    transition(current.state, "startAuthorization");
    if ((await services.authorization.probe(current.url)) === "authorization-required") return consent(promotedToOAuth(current));
  }
  return changeAsViewer(services, viewer, {
    id: current.id,
    decide: (c) => ({
      action: "authorize",
      data: {
        credentialsEnc: credentials ? services.secrets.sealJson("Connector.credentialsEnc", c.id, credentials.secret) : null,
        credentialType: credentials?.type ?? null,
        tokenExpiresAt: null,
        // a custom server's authType follows the credentials it was last connected with
        ...(c.presetId ? {} : { authType: credentials ? AUTH_TYPE_OF[credentials.kind] : "NONE" }),
        statusReason: null,
        disconnectReason: null,
        lastError: null,
      },
      // a consent flow still pending is moot once credentials are stored
      also: (tx) => tx.oAuthAuthorization.deleteMany({ where: { connectorId: c.id, usedAt: null } }),
    }),
  });
}

export interface DisconnectInput {
  id: string;
  reason?: string | null;
}

/**
 * DISCONNECTED with the reason given; credentials wiped. The tokens are revoked at the provider
 * once, before the write and outside its retry loop (best effort: the wipe happens regardless).
 */
export async function disconnectConnector(services: Services, viewer: Viewer, input: DisconnectInput): Promise<Connector> {
  throwIfInvalid(checkText(input.reason, ["input", "reason"], 1_000));
  const reason = input.reason?.trim() || null;
  const before = await manageableConnector(services.db, viewer, input.id);
  transition(before.state, "disconnect"); // refuse before revoking anything
  await services.authorization.revoke(before);
  return changeAsViewer(services, viewer, {
    id: input.id,
    decide: (c) => ({
      action: "disconnect",
      data: {
        credentialsEnc: null,
        credentialType: null,
        tokenExpiresAt: null,
        disconnectReason: reason,
        statusReason: reason ? `Disconnected: ${reason}` : "Disconnected",
      },
      also: (tx) => tx.oAuthAuthorization.deleteMany({ where: { connectorId: c.id, usedAt: null } }),
    }),
  });
}
