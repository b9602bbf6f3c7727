import { builder } from "../../builder.js";
import { rememberEventId } from "../../events/sse.js";
import { ConnectorEventType } from "../events/types.js";
import { connectorEventStream } from "./event-stream.js";
import { ConnectorFilterInput } from "./filter.js";
import { connectorStateStream } from "./state-stream.js";
import { ConnectorType } from "./types.js";

/** A stream ends with an error value (too slow, a failed load): throwing it makes an error result. */
const unlessError = <T>(payload: T | Error): T => {
  if (payload instanceof Error) throw payload;
  return payload;
};

builder.subscriptionFields((t) => ({
  connectorStateChanged: t.field({
    type: ConnectorType,
    description: "The connector now, then again on every change: replaces polling for a state.",
    args: { id: t.arg.id({ required: true }) },
    subscribe: (_root, args, ctx) => connectorStateStream(ctx.pubsub, ctx.viewer, args.id),
    resolve: (payload) => unlessError(payload),
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
      connectorEventStream({
        bus: ctx.pubsub,
        viewer: ctx.viewer,
        connectorId: args.id,
        filter: args.filter,
        after: args.after ?? ctx.lastEventId,
      }),
    resolve: (payload, _args, ctx) => {
      const event = unlessError(payload);
      rememberEventId(ctx, event.id);
      return event;
    },
  }),
}));
