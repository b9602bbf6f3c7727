import { GraphQLError } from "graphql";

/** Bounds that keep one client from holding the server's memory or sockets. */
export const LIMITS = {
  /** graphql-ws subscriptions open on one socket */
  subscriptionsPerConnection: 100,
  /** graphql-ws sockets and SSE streams open at once with one API key, per instance */
  connectionsPerApiKey: 50,
  /** events a subscriber may leave unread before its stream ends (it can resume with `after`) */
  queuedEventsPerSubscriber: 1_000,
  /** graphql-ws ping interval; a socket that misses a pong for as long is dropped */
  keepAliveMs: 15_000,
  /**
   * how often open streams' API keys are checked again, for revocations written without an event
   * (the CLI); a revocation through the API ends them at once (src/transports/open-streams.ts)
   */
  keyRecheckMs: 4_000,
  /** the largest graphql-ws frame read; a bigger one closes the socket with 1009 */
  maxMessageBytes: 1024 * 1024,
};

export type Limits = typeof LIMITS;

export const rateLimited = (message: string) => new GraphQLError(message, { extensions: { code: "RATE_LIMITED" } });

export const tooSlow = () =>
  new GraphQLError("This subscription fell too far behind and was ended; subscribe again (with `after` to resume)", {
    extensions: { code: "SLOW_SUBSCRIBER" },
  });
