import type { Prisma } from "../generated/prisma/client.js";
import type { ToolCallOutcome } from "../generated/prisma/enums.js";
import { checkFilter } from "../validation/filter-caps.js";

export interface ToolCallFilter {
  toolName?: string | null;
  outcome?: ToolCallOutcome[] | null;
}

/** A connector's calls narrowed by tool (its name on the connector) and any of the outcomes given. */
export function toolCallWhere(filter: ToolCallFilter | null | undefined): Prisma.ToolCallWhereInput {
  checkFilter(filter);
  return {
    ...(filter?.toolName != null ? { toolName: filter.toolName } : {}),
    ...(filter?.outcome ? { outcome: { in: filter.outcome } } : {}),
  };
}

/** Newest first: ids are made when the call starts and are time-ordered. */
export const TOOL_CALL_ORDER = { id: "desc" } as const;
