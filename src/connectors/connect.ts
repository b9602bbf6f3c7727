import type { Viewer } from "../auth/viewer.js";
import type { Connector } from "../generated/prisma/client.js";
import type { Services } from "../services.js";
import { UpstreamError } from "../errors.js";
import { checkText, throwIfInvalid } from "../validation/input-rules.js";
import { changeAsViewer, manageableConnector } from "./access.js";
import { AUTH_TYPE_OF, type ConnectSecrets, connectCredentials } from "./credentials.js";
import { isOAuthConnector, promotedToOAuth } from "./facts.js";
import { connectOutcome } from "./connect-outcome.js";
import { transition } from "./state-machine.js";
import { sentence } from "./upstream.js";

export interface ConnectInput extends ConnectSecrets {
  id: string;
  redirectUrl?: string | null;
  /** this server's origin: the OAuth redirect_uri is built from it */
  origin: string;
}

/**
 * Connects (or reconnects) a connector. Credentials in hand are tried first (initialize and
 * tools/list): accepted, they are stored sealed and the connector is CONNECTED with the discovered
 * tools; refused (401 / 403), it is AUTH_FAILED and they are not kept; the server unreachable or not
 * speaking MCP, it is ERROR with the credentials kept, so that the periodic check connects it once
 * the server answers. Both failures are also the mutation's UpstreamError. An OAuth connector
 * without a token starts the consent flow (AUTH_REQUIRED). A custom MCP server connected without
 * credentials is asked the same way: a 401 starts the consent flow with the authorization server it
 * names (the connector becomes OAUTH), an answer connects it as NONE. The connector keeps its id,
 * configuration, metadata and history whatever state it comes from.
 */
export async function connectConnector(services: Services, viewer: Viewer, input: ConnectInput): Promise<Connector> {
  const current = await manageableConnector(services.db, viewer, input.id);
  const custom = !current.presetId;
  const credentials = connectCredentials(current.authType, custom, input);
  const consent = (connector: Connector) =>
    services.authorization.begin({ connector, redirectUrl: input.redirectUrl ?? null, viewer, origin: input.origin });
  if (!credentials && !custom && isOAuthConnector(current)) {
    transition(current.state, "startAuthorization"); // InvalidStateError before any call to the provider
    return consent(current);
  }
  transition(current.state, "authorize"); // InvalidStateError before asking the server anything
  // a custom server's authType follows the credentials it was last connected with
  const authType = custom ? (credentials ? AUTH_TYPE_OF[credentials.kind] : "NONE") : current.authType;
  const outcome = await services.upstream.listTools({ connector: { ...current, authType }, trying: credentials });
  if (!outcome.ok && outcome.failure.kind === "unauthorized" && custom && !credentials) {
    transition(current.state, "startAuthorization");
    return consent(promotedToOAuth(current));
  }

  const now = new Date();
  const sealed = credentials ? services.secrets.sealJson("Connector.credentialsEnc", current.id, credentials.secret) : null;
  const after = await changeAsViewer(services, viewer, {
    id: current.id,
    decide: async (c) => {
      const change = await connectOutcome(services, c, outcome, { credentialsEnc: sealed, credentialType: credentials?.type ?? null, tokenExpiresAt: null }, now);
      return {
        ...change,
        data: { ...change.data, disconnectReason: null, ...(custom ? { authType } : {}) },
        // a consent flow still pending is moot once credentials are tried
        also: async (tx, read) => {
          await change.also?.(tx, read);
          await tx.oAuthAuthorization.deleteMany({ where: { connectorId: c.id, usedAt: null } });
        },
      };
    },
  });
  if (!outcome.ok) throw new UpstreamError(sentence(outcome.failure), { kind: outcome.failure.kind, connector: after });
  return after;
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
  services.upstream.forget(before.id);
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
