import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { prefixed } from "../connectors/handle.js";
import type { ConnectorTool } from "../generated/prisma/client.js";
import type { AvailableToolRow } from "../tool-calls/list.js";

type Json = Record<string, unknown>;

/**
 * A synced tool row as MCP lists it: the server's own definition, with the hints set from what
 * Plugboard decided about it — readOnlyHint for READ tools, destructiveHint for those that require
 * confirmation — so that agent UIs ask before a WRITE.
 */
export function mcpTool(row: ConnectorTool, name = row.name, title = row.label): Tool {
  const schema = (row.inputSchema as Json | null) ?? {};
  return {
    name,
    title,
    ...(row.description ? { description: row.description } : {}),
    inputSchema: { ...schema, type: "object" } as Tool["inputSchema"],
    ...(row.outputSchema ? { outputSchema: row.outputSchema as Tool["outputSchema"] } : {}),
    annotations: {
      ...((row.annotations as Json | null) ?? {}),
      readOnlyHint: row.type === "READ",
      destructiveHint: row.requiresConfirmation,
    },
  };
}

/** On /mcp a tool is "<handle>__<tool>", titled with its connector's name. */
export const prefixedTool = (row: AvailableToolRow): Tool => mcpTool(row, prefixed(row.connector.handle, row.name), `${row.connector.name}: ${row.label}`);
