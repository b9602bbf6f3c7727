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
    description:
      "The connector now, then again on every change: replaces polling for a state. Ends after the connector is deleted, or when the viewer may no longer see it.",
    args: {
      id: t.arg.id({ required: true, description: "the connector (conn_…); unknown or invisible ends the subscription with a NOT_FOUND error" }),
    },
    subscribe: (_root, args, ctx) => connectorStateStream(ctx.services, ctx.viewer, args.id),
    resolve: (payload, _args, ctx) => delivered(payload, ctx),
  }),
  connectorEvents: t.field({
    type: ConnectorEventType,
    description: `Every change to the connectors the viewer can see (one connector when id is given).
With \`after\` (an event id the client already holds), first every later event from the audit trail,
then live ones: a client that reconnects misses nothing and sees nothing twice. A subscriber that
leaves 1,000 events unread is ended with a SLOW_SUBSCRIBER error; it resumes with \`after\`.`,
    args: {
      id: t.arg.id({ description: "only this connector's events (conn_…); unknown or invisible is a NOT_FOUND error" }),
      filter: t.arg({
        type: ConnectorFilterInput,
        description: "only matching events: scope and state apply to the event (a DELETED one: the state it left), the rest to the connector as it is now",
      }),
      after: t.arg.id({ description:
          "an event id (evt_…) the client already holds: replay every later one first. Unknown or invisible is a NOT_FOUND error. Over SSE, the Last-Event-ID header stands for it when absent" }),
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
