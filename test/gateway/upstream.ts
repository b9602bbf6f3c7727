import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import { afterAll } from "vitest";
import { startMcp, tool, type McpServerOptions, type ToolContext } from "../servers/mcp-servers.js";

/**
 * A loopback MCP server whose tools behave as the gateway tests need: an echo, a slow report that
 * reports progress before a long result, one that hangs until cancelled, one whose JSON-RPC error
 * quotes the credential it got, one that answers isError.
 */
export async function toolServer(options: McpServerOptions = {}) {
  /** tool names whose call was cancelled upstream (notifications/cancelled reached the server) */
  const cancelled: string[] = [];
  const started: string[] = [];
  let onStart: ((name: string) => void) | null = null;
  const hang = (name: string, ctx: ToolContext) =>
    new Promise<never>((_, reject) => {
      ctx.signal.addEventListener("abort", () => {
        cancelled.push(name);
        reject(new Error("cancelled"));
      });
    });
  const server = await startMcp({
    tools: [
      tool("read_ticket", { annotations: { readOnlyHint: true } }),
      tool("close_ticket"),
      tool("slow_report", { annotations: { readOnlyHint: true }, inputSchema: { type: "object", properties: { size: { type: "number" } } } }),
      tool("hang"),
      tool("fail"),
      tool("soft_fail"),
      tool("chatty"),
    ],
    ...options,
    call: async (name, args, ctx) => {
      started.push(name);
      onStart?.(name);
      switch (name) {
        case "slow_report": {
          for (let i = 1; i <= 5; i++) {
            await ctx.progress(i, 5, `step ${i}`);
            await new Promise((r) => setTimeout(r, 10));
          }
          return { content: [{ type: "text", text: "x".repeat(Number(args?.size ?? 1000)) }] };
        }
        case "hang":
          return hang(name, ctx);
        case "fail":
          throw new McpError(ErrorCode.InvalidParams, `the ticket does not exist (you sent ${ctx.authorization})`);
        case "chatty":
          // one message that quotes the credential the server got, as a careless server's might
          for (const [level, data] of [["debug", "opening"], ["info", { step: "read", header: ctx.authorization }], ["error", `done for ${args?.id}`]] as const) await ctx.log(level, data);
          return { content: [{ type: "text", text: "said it all" }] };
        case "soft_fail":
          return { isError: true, content: [{ type: "text", text: "no such ticket" }] };
        default:
          return { content: [{ type: "text", text: JSON.stringify({ tool: name, arguments: args ?? null }) }] };
      }
    },
  });
  afterAll(() => server.stop());
  return {
    ...server,
    cancelled,
    started,
    /** resolves when a call of `name` reaches the server */
    reached: (name: string) =>
      new Promise<void>((resolve) => {
        onStart = (n) => n === name && resolve();
      }),
  };
}
