import type { Db, Tx } from "../db/client.js";
import { newId } from "../db/ids.js";
import { type Connector, Prisma } from "../generated/prisma/client.js";
import type { ToolChanges } from "./events.js";
import { type HoldNewTools, type ListedTool, planToolSync } from "./tool-sync.js";

export interface ToolSync {
  /** whether the tool set changed (an event is written only then) */
  changed: boolean;
  toolChanges: ToolChanges;
  /** the connector columns a discovery sets */
  data: Prisma.ConnectorUpdateManyMutationInput;
  /** the tool writes, inside the connector's versioned write */
  apply: (tx: Tx) => Promise<void>;
}

/**
 * What bringing `c`'s tools to the server's list takes: the rows are read here, so call it inside a
 * change's `decide` (every tool change bumps the connector's version, which guards the plan).
 * Each tool keeps its disabled flag; drift control holds what appears or changes after the first
 * discovery (tool-sync.ts).
 */
export async function planDiscovery(db: Db, holdNewTools: HoldNewTools, c: Connector, listed: readonly ListedTool[], now = new Date()): Promise<ToolSync> {
  const current = await db.connectorTool.findMany({ where: { connectorId: c.id }, orderBy: { position: "asc" } });
  const plan = planToolSync({
    current: current.map((t) => ({ ...t, inputSchema: json(t.inputSchema), outputSchema: json(t.outputSchema), annotations: json(t.annotations) })),
    discovered: listed,
    firstDiscovery: c.toolsDiscoveredAt === null,
    holdNewTools,
  });
  return {
    changed: plan.changed,
    toolChanges: plan.event,
    data: { lastSyncAt: now, ...(c.toolsDiscoveredAt ? {} : { toolsDiscoveredAt: now }) },
    apply: async (tx) => {
      if (plan.delete.length) await tx.connectorTool.deleteMany({ where: { id: { in: plan.delete.map((d) => d.id) } } });
      for (const u of plan.update) await tx.connectorTool.update({ where: { id: u.id }, data: columns(u.data) });
      if (plan.create.length) await tx.connectorTool.createMany({ data: plan.create.map((t) => ({ id: newId("tool"), connectorId: c.id, ...columns(t) })) });
    },
  };
}

const json = (v: Prisma.JsonValue | null) => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
// DbNull, not undefined: a schema the server dropped must not linger
const jsonColumn = (v: Record<string, unknown> | null) => (v ?? Prisma.DbNull) as Prisma.InputJsonValue | typeof Prisma.DbNull;

function columns(t: Parameters<typeof planToolSync>[0]["current"][number] | ReturnType<typeof planToolSync>["create"][number]) {
  return {
    name: t.name,
    label: t.label,
    description: t.description,
    type: t.type,
    requiresConfirmation: t.requiresConfirmation,
    disabled: t.disabled,
    pendingReview: t.pendingReview,
    inputSchema: jsonColumn(t.inputSchema),
    outputSchema: jsonColumn(t.outputSchema),
    annotations: jsonColumn(t.annotations),
    position: t.position,
  };
}
