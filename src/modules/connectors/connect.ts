import { sealJson } from "../../crypto/secrets.js";
import type { Connector } from "../../generated/prisma/client.js";
import { beginAuthorization } from "../../oauth/begin.js";
import { probeMcpServer } from "../../oauth/discovery.js";
import { revokeCredentials } from "../../oauth/revoke.js";
import { AUTH_TYPE_OF, type ConnectSecrets, connectCredentials } from "../common/credentials.js";
import { checkText, throwIfInvalid } from "../common/input-rules.js";
import { type RequestContext, changeAsViewer, manageableConnector } from "./service.js";
import { transition } from "./state-machine.js";

export interface ConnectInput extends ConnectSecrets {
  id: string;
  redirectUrl?: string | null;
}

const isOAuth = (c: Pick<Connector, "authType" | "presetId">) =>
  !!c.presetId && (c.authType === "OAUTH" || c.authType === "OAUTH_ADMIN_CONSENT");

/**
 * Connects (or reconnects) a connector: with credentials it stores them sealed and goes CONNECTED;
 * an OAuth connector without a token starts the consent flow (AUTH_REQUIRED). A custom MCP server
 * connected without credentials is asked first (an unauthenticated MCP initialize): a 401 starts the
 * consent flow with the server's discovered authorization server and makes the connector OAUTH,
 * any other answer connects it as NONE. The connector keeps its id, configuration, metadata, tools
 * and history whatever state it comes from.
 */
export async function connectConnector(ctx: RequestContext, input: ConnectInput): Promise<Connector> {
  const current = await manageableConnector(ctx.viewer, input.id);
  const credentials = connectCredentials(current.authType, !current.presetId, input);
  const consent = (connector: Connector) =>
    beginAuthorization({
      connector,
      redirectUrl: input.redirectUrl ?? null,
      actorId: ctx.viewer.userId,
      pubsub: ctx.pubsub,
      config: ctx.config,
      origin: ctx.origin,
    });
  if (!credentials && isOAuth(current)) {
    transition(current.state, "startAuthorization"); // InvalidStateError before any call to the provider
    return consent(current);
  }
  if (!credentials && !current.presetId) {
    // InvalidStateError before asking the server anything, whichever way it answers
    transition(current.state, "authorize");
    transition(current.state, "startAuthorization");
    if ((await probeMcpServer(current.url)) === "authorization-required") return consent({ ...current, authType: "OAUTH" });
  }
  return changeAsViewer({
    viewer: ctx.viewer,
    pubsub: ctx.pubsub,
    id: current.id,
    decide: (c) => ({
      kind: "STATE_CHANGED",
      action: "authorize",
      data: {
        credentialsEnc: credentials ? sealJson("Connector.credentialsEnc", c.id, credentials.secret) : null,
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

/** DISCONNECTED with the reason given; credentials revoked (best effort) and wiped. */
export async function disconnectConnector(ctx: Pick<RequestContext, "viewer" | "pubsub">, input: DisconnectInput): Promise<Connector> {
  throwIfInvalid(checkText(input.reason, ["input", "reason"], 1_000));
  const reason = input.reason?.trim() || null;
  return changeAsViewer({
    viewer: ctx.viewer,
    pubsub: ctx.pubsub,
    id: input.id,
    decide: async (c) => {
      transition(c.state, "disconnect"); // refuse before revoking anything
      await revokeCredentials(c).catch(() => {}); // best effort: the wipe below happens regardless
      return {
        kind: "STATE_CHANGED",
        action: "disconnect",
        data: {
          credentialsEnc: null,
          credentialType: null,
          tokenExpiresAt: null,
          disconnectReason: reason,
          statusReason: reason ? `Disconnected: ${reason}` : "Disconnected",
        },
        also: (tx) => tx.oAuthAuthorization.deleteMany({ where: { connectorId: c.id, usedAt: null } }),
      };
    },
  });
}
