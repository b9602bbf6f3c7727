import { RequestCache } from "@pothos/plugin-scope-auth";
import { builder } from "../../builder.js";
import { connectorEventStream } from "../../connectors/event-stream.js";
import { connectorStateStream } from "../../connectors/state-stream.js";
import { rememberEventId } from "../../transports/sse.js";
import { ConnectorEventType } from "../connector-events/types.js";
import { ConnectorFilterInput } from "./filter.js";
import { ConnectorType } from "./types.js";

/**
 * Each delivered event starts with an empty scope-auth cache (it keeps every object it checked per
 * context, which a long stream would hold forever). A stream ends with an error value (too slow, a
 * failed load): throwing it makes an error result.
 */
const delivered = <T>(payload: T | Error, ctx: object): T => {
  RequestCache.clearForContext(ctx);
  if (payload instanceof Error) throw payload;
  return payload;
};

builder.subscriptionFields((t) => ({
  connectorStateChanged: t.field({
    type: ConnectorType,
    description: "The connector now, then again on every change: replaces polling for a state.",
    args: { id: t.arg.id({ required: true }) },
    subscribe: (_root, args, ctx) => connectorStateStream(ctx.services, ctx.viewer, args.id),
    resolve: (payload, _args, ctx) => delivered(payload, ctx),
  }),
  connectorEvents: t.field({
    type: ConnectorEventType,
    description: `Every change to the connectors the viewer can see (one connector when id is given).
With \`after\` (an event id the client already holds), first every later event from the audit trail,
then live ones: a client that reconnects misses nothing and sees nothing twice.`,
    args: {
      id: t.arg.id(),
      filter: t.arg({ type: ConnectorFilterInput }),
      after: t.arg.id({ description: "over SSE, the Last-Event-ID header stands for it when absent" }),
    },
    subscribe: (_root, args, ctx) =>
      connectorEventStream(ctx.services, {
        viewer: ctx.viewer,
        connectorId: args.id,
        filter: args.filter,
        after: args.after ?? ctx.lastEventId,
      }),
    resolve: (payload, _args, ctx) => {
      const event = delivered(payload, ctx);
      rememberEventId(ctx, event.id);
      return event;
    },
  }),
}));
