import type { ToolType } from "../../generated/prisma/enums.js";
import { builder } from "../../builder.js";
import { ToolTypeEnum } from "../common/enums.js";

/** A tool as agents see it: a preset's catalog entry, or a connector's own copy with its flags. */
export interface ToolShape {
  id: string;
  name: string;
  label: string;
  description: string | null;
  type: ToolType;
  requiresConfirmation: boolean;
  disabled?: boolean;
  pendingReview?: boolean;
  /** absent on a connector's tool loaded for a list (Connector.tools): the field loads it then */
  inputSchema?: unknown;
  /** a connector's own copy names its connector; a preset's catalog entry has none */
  connectorId?: string;
}

export const ToolRef = builder.objectRef<ToolShape>("Tool");

builder.node(ToolRef, {
  description: "A tool that a connector exposes to agents",
  id: { resolve: (tool) => tool.id },
  fields: (t) => ({
    name: t.exposeString("name", { description: 'base tool name, e.g. "zendesk_get_ticket"' }),
    label: t.exposeString("label", { description: "a title for people (the server's title, or the name)" }),
    description: t.exposeString("description", { nullable: true, description: "LLM-facing description; null when the server gives none" }),
    type: t.expose("type", { type: ToolTypeEnum, description: "WRITE tools need approval in chat" }),
    requiresConfirmation: t.exposeBoolean("requiresConfirmation", {
      description: "a person must confirm each call: WRITE tools and those the server marks destructive",
    }),
    disabled: t.boolean({ description: "turned off for this connector instance", resolve: (x) => x.disabled ?? false }),
    pendingReview: t.boolean({
      description: "new or changed upstream since it was last approved: held disabled until reviewed",
      resolve: (x) => x.pendingReview ?? false,
    }),
    inputSchema: t.field({
      type: "JSONObject",
      nullable: true,
      description: "JSON Schema of the tool's arguments; null when none is known",
      // findUnique, so that Prisma loads a page's schemas in one statement
      resolve: async (x, _args, ctx) => {
        const schema = x.inputSchema !== undefined || !x.connectorId
          ? x.inputSchema
          : (await ctx.services.db.connectorTool.findUnique({ where: { id: x.id }, select: { inputSchema: true } }))?.inputSchema;
        return (schema as Record<string, unknown> | null | undefined) ?? null;
      },
    }),
  }),
});
