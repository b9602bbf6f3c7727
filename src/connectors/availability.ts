import type { Viewer } from "../auth/viewer.js";
import { visibleConnectorsWhere } from "../auth/visibility.js";
import type { Connector, ConnectorTool, Prisma } from "../generated/prisma/client.js";
import type { ToolType } from "../generated/prisma/enums.js";
import { checkFilter } from "../validation/filter-caps.js";
import { containsText } from "../validation/search.js";

/**
 * What agents may use: the one rule behind the gateway's tools/list and tools/call and GraphQL's
 * availableTools. A connector must be CONNECTED, active and enabled for agents; a tool neither
 * disabled nor held for review.
 */
export const USABLE_CONNECTOR = { state: "CONNECTED", isActive: true, agentEnabled: true } satisfies Prisma.ConnectorWhereInput;
export const AVAILABLE_TOOL = { disabled: false, pendingReview: false } satisfies Prisma.ConnectorToolWhereInput;

export type Refusal =
  | { reason: "CONNECTOR_NOT_FOUND" | "UNKNOWN_TOOL" | "TOOL_DISABLED" | "TOOL_PENDING_REVIEW"; message: string }
  | { reason: "NOT_CONNECTED" | "INACTIVE" | "AGENT_DISABLED"; message: string; state: Connector["state"] };

type ConnectorFacts = Pick<Connector, "name" | "state" | "statusReason" | "isActive" | "agentEnabled">;

/** Why agents may not use the connector now (which rule, in a sentence), or null when they may. */
export function connectorRefusal(c: ConnectorFacts): Refusal | null {
  const name = `The connector "${c.name}"`;
  if (c.state !== "CONNECTED") {
    const why = c.statusReason ? ` (${c.statusReason.replace(/\.$/, "")})` : "";
    return { reason: "NOT_CONNECTED", state: c.state, message: `${name} is ${c.state}, not CONNECTED${why}: connect it again before agents can use it` };
  }
  if (!c.isActive) return { reason: "INACTIVE", state: c.state, message: `${name} is inactive (isActive is false): an admin must activate it` };
  if (!c.agentEnabled) return { reason: "AGENT_DISABLED", state: c.state, message: `${name} is not enabled for agents (agentEnabled is false)` };
  return null;
}

/** Why agents may not call the tool (unknown, disabled, held for review), or null when they may. */
export function toolRefusal(tool: Pick<ConnectorTool, "disabled" | "pendingReview"> | null, name: string): Refusal | null {
  const shown = JSON.stringify(name.slice(0, 200));
  if (!tool) return { reason: "UNKNOWN_TOOL", message: `Unknown tool: ${shown}` };
  if (tool.pendingReview) {
    return { reason: "TOOL_PENDING_REVIEW", message: `The tool ${shown} changed on its server and is held for review: someone who manages the connector must enable it again` };
  }
  if (tool.disabled) return { reason: "TOOL_DISABLED", message: `The tool ${shown} is disabled on this connector` };
  return null;
}

export interface AvailableToolFilter {
  connectorIds?: string[] | null;
  type?: ToolType | null;
  search?: string | null;
}

/** The tools the viewer's agents are offered: of visible, usable connectors, available, filtered. */
export function availableToolsWhere(viewer: Viewer, filter?: AvailableToolFilter | null): Prisma.ConnectorToolWhereInput {
  checkFilter(filter);
  const and: Prisma.ConnectorToolWhereInput[] = [
    AVAILABLE_TOOL,
    { connector: { AND: [visibleConnectorsWhere(viewer), USABLE_CONNECTOR, filter?.connectorIds ? { id: { in: filter.connectorIds } } : {}] } },
  ];
  if (filter?.type) and.push({ type: filter.type });
  if (filter?.search) {
    const contains = containsText(filter.search);
    and.push({ OR: [{ name: contains }, { label: contains }, { description: contains }] });
  }
  return { AND: and };
}

/** Tools in the order every list of them uses: by connector (oldest first), then as its server lists them. */
export const AVAILABLE_TOOL_ORDER = [{ connectorId: "asc" }, { position: "asc" }, { id: "asc" }] satisfies Prisma.ConnectorToolOrderByWithRelationInput[];
