import { canSee } from "../../auth/visibility.js";
import { builder } from "../../builder.js";
import { ToolCallOutcome } from "../../generated/prisma/enums.js";
import { TOOL_CALL_ORDER, toolCallWhere } from "../../tool-calls/filter.js";
import { pageOptions } from "../common/pagination.js";
import { UserType } from "../viewer/types.js";

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
  description: "Narrows a connector's tool calls; every given condition must hold",
  fields: (t) => ({
    toolName: t.string({ description: "exactly this tool name on the connector (without the /mcp prefix)" }),
    outcome: t.field({ type: [ToolCallOutcomeEnum], description: "any of these outcomes" }),
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
      ...pageOptions,
      description: "calls of this connector's tools through the MCP gateway, newest first",
      args: { filter: t.arg({ type: ToolCallFilterInput, description: "only the calls that match; all of them when absent" }) },
      query: (args) => ({ where: toolCallWhere(args.filter), orderBy: TOOL_CALL_ORDER }),
      totalCount: true,
    },
    { name: "ToolCallConnection", description: "A page of a connector's tool calls" },
    { name: "ToolCallEdge", description: "A tool call in a page, with its cursor" },
  ),
);
