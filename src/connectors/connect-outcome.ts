import type { Prisma, Connector } from "../generated/prisma/client.js";
import type { Services, UpstreamOutcome } from "../services.js";
import type { ConnectorChange } from "./change.js";
import { planDiscovery } from "./discovery.js";
import type { ListedTool } from "./tool-sync.js";
import { sentence } from "./upstream.js";

/**
 * What trying new credentials on the server (connectConnector, the OAuth callback) makes of the
 * connector: accepted, CONNECTED with the discovered tools and the credentials stored; refused
 * (401 / 403), AUTH_FAILED and nothing kept; no working MCP server, ERROR with the credentials kept,
 * so that the periodic check connects it once the server answers. Reads the tool rows: call it inside
 * a change's `decide`.
 */
export async function connectOutcome(
  services: Pick<Services, "db" | "config">,
  c: Connector,
  outcome: UpstreamOutcome<ListedTool[]>,
  credentials: Prisma.ConnectorUpdateManyMutationInput,
  now: Date,
): Promise<ConnectorChange> {
  if (outcome.ok) {
    const sync = await planDiscovery(services.db, services.config.upstream.holdNewTools, c, outcome.value, now);
    return {
      action: "authorize",
      toolChanges: sync.changed ? sync.toolChanges : null,
      data: { ...credentials, ...sync.data, credentialsAcceptedAt: now, statusReason: null, lastError: null, healthFailures: 0 },
      also: (tx) => sync.apply(tx),
    };
  }
  const message = sentence(outcome.failure);
  if (outcome.failure.kind === "unauthorized") {
    return {
      action: "rejectAuthorization",
      data: { credentialsEnc: null, credentialType: null, tokenExpiresAt: null, credentialsAcceptedAt: null, statusReason: message, lastError: message },
    };
  }
  return {
    action: "failToConnect",
    data: { ...credentials, credentialsAcceptedAt: null, statusReason: message, lastError: message, healthFailures: 1 },
  };
}
