import type { Viewer } from "../auth/viewer.js";
import { visibleConnector } from "../connectors/access.js";
import { AVAILABLE_TOOL, AVAILABLE_TOOL_ORDER, type Refusal, availableToolsWhere, connectorRefusal } from "../connectors/availability.js";
import type { Db } from "../db/client.js";
import type { Connector, ConnectorTool } from "../generated/prisma/client.js";

export type ConnectorToolsList = { ok: true; connector: Connector; tools: ConnectorTool[] } | { ok: false; refusal: Refusal };

/** One connector's tools agents may use now, from the synced table: what /mcp/{id} lists. */
export async function listConnectorTools(db: Db, viewer: Viewer, connectorId: string): Promise<ConnectorToolsList> {
  const connector = await visibleConnector(db, viewer, connectorId);
  if (!connector) return { ok: false, refusal: { reason: "CONNECTOR_NOT_FOUND", message: `No connector with id ${connectorId}` } };
  const refusal = connectorRefusal(connector);
  if (refusal) return { ok: false, refusal };
  const tools = await db.connectorTool.findMany({ where: { connectorId, ...AVAILABLE_TOOL }, orderBy: AVAILABLE_TOOL_ORDER });
  return { ok: true, connector, tools };
}

export type AvailableToolRow = ConnectorTool & { connector: Pick<Connector, "id" | "name" | "handle"> };

/** Every tool the viewer's agents may use now, with its connector: what /mcp lists (and availableTools). */
export function listAvailableTools(db: Db, viewer: Viewer): Promise<AvailableToolRow[]> {
  return db.connectorTool.findMany({
    where: availableToolsWhere(viewer),
    include: { connector: { select: { id: true, name: true, handle: true } } },
    orderBy: AVAILABLE_TOOL_ORDER,
  });
}
