import type { Viewer } from "../auth/viewer.js";
import { InvalidStateError, UpstreamError } from "../errors.js";
import type { Connector, Prisma } from "../generated/prisma/client.js";
import { probe } from "../http/probe.js";
import type { CoreServices } from "../services.js";
import { changeAsViewer, manageableConnector } from "./access.js";

type Deps = Pick<CoreServices, "db" | "pubsub">;

// A probe's outcome is the server's own work: the contract records such events without an actor.
const record = (services: Deps, viewer: Viewer, id: string, data: Prisma.ConnectorUpdateManyMutationInput) =>
  changeAsViewer(services, viewer, { id, serverWork: true, decide: () => ({ data }) });

/**
 * Tool discovery needs the MCP client, which a later version brings. Until then this does what it
 * honestly can: refuse a connector that is not CONNECTED, find out whether a server answers at its
 * URL, record the failure when none does, and never report a discovery that did not happen.
 * A plain probe is too weak a signal to move the lifecycle (ERROR / recover), so the state stays.
 */
export async function refreshConnectorTools(services: Deps, viewer: Viewer, id: string): Promise<Connector> {
  const c = await manageableConnector(services.db, viewer, id);
  if (c.state !== "CONNECTED") {
    throw new InvalidStateError(`Cannot refresh the tools: the connector is ${c.state}, not CONNECTED`, c.state);
  }
  const result = await probe(c.url);
  if (!result.reachable) {
    await record(services, viewer, c.id, { lastError: result.message });
    throw new UpstreamError(result.message);
  }
  throw new UpstreamError(
    `The server at ${new URL(c.url).host} answered (HTTP ${result.status}), but tool discovery needs the MCP client, ` +
      "which this version does not include yet: the tools are unchanged",
  );
}

/** Whether a server answers at the connector's URL: lastSyncAt on success, lastError otherwise. */
export async function checkConnectorHealth(services: Deps, viewer: Viewer, id: string): Promise<Connector> {
  const c = await manageableConnector(services.db, viewer, id);
  const result = await probe(c.url);
  if (!result.reachable) {
    await record(services, viewer, c.id, { lastError: result.message });
    throw new UpstreamError(result.message);
  }
  return record(services, viewer, c.id, { lastSyncAt: new Date(), lastError: null });
}
