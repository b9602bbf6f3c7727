import { canSee } from "../../auth/visibility.js";
import { builder } from "../../builder.js";
import { ToolCallOutcome } from "../../generated/prisma/enums.js";
import { TOOL_CALL_ORDER, toolCallWhere } from "../../tool-calls/filter.js";
import { cursorId, pageOptionsOf } from "../common/pagination.js";
import { UserType } from "../viewer/types.js";
import { FILTER_LIMITS } from "../../validation/filter-caps.js";


const ToolCallOutcomeEnum = builder.enumType(ToolCallOutcome, {
  name: "ToolCallOutcome",
  description: "How a call through the MCP gateway ended",
  values: {
    OK: { description: "the upstream server answered with a result (even one with isError)" },
    ERROR: { description: "the upstream server failed or could not be reached" },
    REFUSED: { description: "Plugboard refused it: unknown, disabled or pendingReview tool; connector not usable" },
    TIMEOUT: { description: "no answer within MCP_CALL_TIMEOUT" },
    CANCELLED: { description: "the agent cancelled it" },
  },
});

const ToolCallFilterInput = builder.inputType("ToolCallFilter", {
  description: `Narrows a connector's tool calls; every given condition must hold. Lists hold at most ${FILTER_LIMITS.items} values, strings at most ${FILTER_LIMITS.text} characters`,
  fields: (t) => ({
    toolName: t.string({ description: `the tool's name on the connector (without the /mcp prefix; at most ${FILTER_LIMITS.text} characters)` }),
    outcome: t.field({ type: [ToolCallOutcomeEnum], description: `any of these outcomes (at most ${FILTER_LIMITS.items})` }),
  }),
});

export const ToolCallType = builder.prismaNode("ToolCall", {
  description: "One call of a connector's tool through the MCP gateway. Arguments and results are not stored.",
  id: { field: "id" },
  authScopes: (call, ctx) => canSee(ctx.viewer, call),
  fields: (t) => ({
    connector: t.relation("connector", { nullable: true, description: "null after the connector was deleted" }),
    toolName: t.exposeString("toolName", { description: "the tool's name on its connector (without the /mcp prefix)" }),
    outcome: t.expose("outcome", { type: ToolCallOutcomeEnum, description: "how it ended" }),
    errorMessage: t.exposeString("errorMessage", { nullable: true, description: "why it did not end OK; never holds a credential" }),
    apiKeyId: t.exposeID("apiKeyId", { nullable: true, description: "the key the agent used" }),
    user: t.relation("user", { type: UserType, nullable: true, description: "the key's user, if it has one" }),
    startedAt: t.expose("startedAt", { type: "DateTime", description: "when the gateway received the call" }),
    durationMs: t.exposeInt("durationMs", { description: "milliseconds from startedAt until it ended" }),
  }),
});

builder.prismaObjectField("Connector", "toolCalls", (t) =>
  t.relatedConnection(
    "toolCalls",
    {
      type: ToolCallType,
      cursor: "id",
      ...pageOptionsOf("call"),
      description: "calls of this connector's tools through the MCP gateway, newest first",
      args: { filter: t.arg({ type: ToolCallFilterInput, description: "only the calls that match; all of them when absent" }) },
      // The page is part of the connector's own query, and Prisma positions it after the cursor's
      // row wherever that row is: the condition that this connector has the cursor's call makes the
      // call of another connector (another organization's) an empty page, as a nonexistent id is
      query: (args) => {
        // (the connection's own arguments are there too; the option's type names only the field's)
        const id = cursorId(args as { after?: string | null; before?: string | null }, "call");
        const where = toolCallWhere(args.filter);
        return { where: id ? { AND: [where, { connector: { toolCalls: { some: { id } } } }] } : where, orderBy: TOOL_CALL_ORDER };
      },
      totalCount: true,
    },
    { name: "ToolCallConnection", description: "A page of a connector's tool calls" },
    { name: "ToolCallEdge", description: "A tool call in a page, with its cursor" },
  ),
);
