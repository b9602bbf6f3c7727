import type { ToolType } from "../generated/prisma/enums.js";
import { sameJson } from "./canonical-json.js";

type Json = Record<string, unknown>;

/** A tool as an MCP server's tools/list gives it: the fields tool sync reads (the SDK's Tool has them). */
export interface ListedTool {
  name: string;
  title?: string;
  description?: string;
  inputSchema: object;
  outputSchema?: object;
  annotations?: { title?: string; readOnlyHint?: boolean; destructiveHint?: boolean; [hint: string]: unknown };
}

/** What a ConnectorTool row holds about a tool, as the server defines it. */
export interface ToolDefinition {
  name: string;
  label: string;
  description: string | null;
  type: ToolType;
  requiresConfirmation: boolean;
  inputSchema: Json | null;
  outputSchema: Json | null;
  annotations: Json | null;
  position: number;
}

/** A connector's tool row as it is now (the ConnectorTool columns tool sync reads). */
export interface ToolRow extends ToolDefinition {
  id: string;
  disabled: boolean;
  pendingReview: boolean;
}

/**
 * HOLD_NEW_TOOLS: "after-first" (the default) holds tools that appear or change after a connector's
 * first discovery; "all" also holds those the first discovery finds.
 */
export type HoldNewTools = "after-first" | "all";

export interface SyncInput {
  current: readonly ToolRow[];
  /** tools/list's tools, in the server's order */
  discovered: readonly ListedTool[];
  /** no discovery has run for this connector yet (its rows, if any, are the catalog's copies) */
  firstDiscovery: boolean;
  holdNewTools: HoldNewTools;
}

type Flags = { disabled: boolean; pendingReview: boolean };

export interface SyncPlan {
  create: (ToolDefinition & Flags)[];
  update: { id: string; data: ToolDefinition & Flags }[];
  delete: { id: string; name: string }[];
  /**
   * For the TOOLS_CHANGED event: tools the server added, removed, or redefined, and those drift
   * control now holds (disabled until someone reviews them) — new ones or changed ones.
   */
  event: { added: string[]; removed: string[]; changed: string[]; held: string[] };
  /** whether the set changed: an event is written only then (a mere reorder is not a change) */
  changed: boolean;
}

/** An MCP tool as a ConnectorTool: title (or annotations.title) is the label; readOnlyHint makes it READ. */
export function toolDefinition(tool: ListedTool, position: number): ToolDefinition {
  const annotations = tool.annotations ?? null;
  const type: ToolType = annotations?.readOnlyHint === true ? "READ" : "WRITE";
  return {
    name: tool.name,
    label: tool.title ?? annotations?.title ?? tool.name,
    description: tool.description ?? null,
    type,
    requiresConfirmation: type === "WRITE" || annotations?.destructiveHint === true,
    inputSchema: (tool.inputSchema as Json | undefined) ?? null,
    outputSchema: (tool.outputSchema as Json | undefined) ?? null,
    annotations: annotations as Json | null,
    position,
  };
}

// what a tool poisoning attack would change: the text and schema a model reads, and the hints
const drifted = (a: ToolDefinition, b: ToolDefinition) =>
  a.description !== b.description || !sameJson(a.inputSchema, b.inputSchema) || !sameJson(a.annotations, b.annotations);
const redefined = (a: ToolDefinition, b: ToolDefinition) =>
  drifted(a, b) || a.label !== b.label || a.type !== b.type || a.requiresConfirmation !== b.requiresConfirmation || !sameJson(a.outputSchema, b.outputSchema);

/** The writes that bring a connector's tools to what the server lists, with drift control applied. */
export function planToolSync({ current, discovered, firstDiscovery, holdNewTools }: SyncInput): SyncPlan {
  const byName = new Map(current.map((row) => [row.name, row]));
  const seen = new Set<string>();
  const plan: SyncPlan = { create: [], update: [], delete: [], event: { added: [], removed: [], changed: [], held: [] }, changed: false };
  const holdAll = firstDiscovery && holdNewTools === "all";

  for (const tool of discovered) {
    if (seen.has(tool.name)) continue;
    const next = toolDefinition(tool, seen.size);
    seen.add(tool.name);
    const row = byName.get(tool.name);
    if (!row) {
      const hold = holdAll || !firstDiscovery;
      plan.create.push({ ...next, disabled: hold, pendingReview: hold });
      plan.event.added.push(next.name);
      if (hold) plan.event.held.push(next.name);
      continue;
    }
    const hold = holdAll || (!firstDiscovery && drifted(row, next));
    const flags: Flags = hold ? { disabled: true, pendingReview: true } : { disabled: row.disabled, pendingReview: row.pendingReview };
    if (hold && !row.pendingReview) plan.event.held.push(next.name);
    if (redefined(row, next)) plan.event.changed.push(next.name);
    if (redefined(row, next) || row.position !== next.position || flags.disabled !== row.disabled || flags.pendingReview !== row.pendingReview) {
      plan.update.push({ id: row.id, data: { ...next, ...flags } });
    }
  }
  for (const row of current) {
    if (seen.has(row.name)) continue;
    plan.delete.push({ id: row.id, name: row.name });
    plan.event.removed.push(row.name);
  }
  plan.changed = Object.values(plan.event).some((names) => names.length > 0);
  return plan;
}

/** HOLD_NEW_TOOLS from the environment: unset or "after-first", or "all". */
export function parseHoldNewTools(value: string | undefined): HoldNewTools {
  const v = (value ?? "").trim().toLowerCase();
  if (v === "" || v === "after-first") return "after-first";
  if (v === "all") return "all";
  throw new Error(`HOLD_NEW_TOOLS: "${value}" is not one of after-first (the default) or all`);
}
