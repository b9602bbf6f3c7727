import { EnvelopArmor } from "@escape.tech/graphql-armor";
import { PothosValidationError } from "@pothos/core";
import { GraphQLError } from "graphql";
import { type CORSOptions, createYoga, maskError as defaultMaskError, type Plugin, type YogaServerInstance } from "graphql-yoga";
import type { IncomingMessage } from "node:http";
import { type AuthFailure, failureCode, failureHeaders } from "./auth/failures.js";
import { isIntrospectionRequest, useNoIntrospection } from "./auth/introspection.js";
import { resolveViewer } from "./auth/resolve-viewer.js";
import type { Viewer } from "./auth/viewer.js";
import type { Context } from "./context.js";
import { isServiceUnavailable, serviceUnavailable } from "./db/unavailable.js";
import { DomainError } from "./errors.js";
import { CostBuckets, useCostLimit } from "./http/cost-limit.js";
import { useRedactedInputErrors } from "./http/redact-input-errors.js";
import { requestIdOf } from "./http/request-id.js";
import { isExpectedError } from "./observability/expected-errors.js";
import type { Operations } from "./observability/operations.js";
import { useSafeRequestParsing } from "./http/request-errors.js";
import { schema } from "./schema.js";
import { useInputChecks } from "./validation/input-checks.js";
import { useSharedSubscriptionResults } from "./transports/shared-subscription-results.js";
import type { Services } from "./services.js";

export type ServerContext = Record<string, unknown>;

/** A request without a viewer: 401 (403, 503) with `extensions.code` and `.reason` (src/auth/failures.ts). */
export const unauthorized = (failure: AuthFailure) =>
  new GraphQLError(failure.message, {
    extensions: {
      code: failureCode(failure),
      reason: failure.reason,
      http: { status: failure.status, headers: failureHeaders(failure) },
    },
  });

/**
 * Subscribers whose results for one event are the same: what the resolvers read of the context is
 * the viewer (visibility by organization and owner, admin-only fields by role) and the origin
 * (Connector.mcpEndpoint). Only graphql-ws sockets: an SSE stream's resolver records the id of each
 * event it sends in its own context (Last-Event-ID).
 */
function subscriberGroup(context: unknown): string | null {
  const c = context as Partial<Context> & { socket?: unknown };
  if (!c.socket || !c.viewer) return null;
  // the whole viewer, so that a field added to it later separates groups without a change here
  return JSON.stringify([c.viewer, c.origin]);
}

/** Expected failures keep their message and a code; anything else is masked. */
export function maskError(error: unknown, message: string, isDev?: boolean): Error {
  const original = error instanceof GraphQLError ? error.originalError : error;
  // before the GraphQLError check: PothosValidationError extends GraphQLError
  if (original instanceof PothosValidationError) {
    return new GraphQLError(original.message, { extensions: { code: "BAD_USER_INPUT" } });
  }
  if (original instanceof GraphQLError) return error as Error;
  // a database or Redis outage is not the request's fault: 503, retry later, and nothing of the error
  if (isServiceUnavailable(original)) return serviceUnavailable();
  if (original instanceof DomainError) return new GraphQLError(original.message, { extensions: { code: original.code } });
  return defaultMaskError(error, message, isDev);
}

export function createYogaServer(
  services: Services,
  options: {
    /** transport plugins the app adds (tracing, the operations' log and metrics, SSE event ids and limits) */
    plugins?: Plugin[];
    /** where unexpected errors were logged already, with their request's id (src/observability) */
    operations?: Pick<Operations, "logged">;
    /** CORS_ORIGINS' policy (src/http/cors.ts); none by default */
    cors?: (request: Request) => CORSOptions;
  } = {},
): YogaServerInstance<ServerContext, Context> {
  const { logger, config } = services;
  const armor = new EnvelopArmor({
    maxDepth: { n: 12 },
    maxAliases: { n: 30 },
    costLimit: { maxCost: 20000 },
    // armor's default (1,000) refuses a frontend query that selects a connector with its tools,
    // events and calls; the cost limit is what bounds the work
    maxTokens: { n: 5000 },
  });
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    graphiql: false, // src/http/graphiql-page.ts serves GraphiQL, from this server's own files
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(" ")),
      info: (...args) => logger.info(args.map(String).join(" ")),
      warn: (...args) => logger.warn(args.map(String).join(" ")),
      // yoga logs every error it masks. The client's own (NOT_FOUND, BAD_USER_INPUT, ...) are in the
      // operation's access line already, and an unexpected one of an operation was logged with its
      // request's id (src/observability/operations.ts); what is left is an unexpected error
      // outside any operation
      error: (...args) => {
        const err = args.find((a) => a instanceof Error);
        const message = args.filter((a) => !(a instanceof Error)).map(String).join(" ");
        if (err && (options.operations?.logged.has(err) || isExpectedError(err))) return logger.debug({ error: err.message }, message || "client error");
        logger.error({ err }, message);
      },
    },
    cors: options.cors ?? false,
    // src/http/body-limit.ts refuses a large body by its Content-Length before yoga reads it (and one
    // without a length), and node's parser reads no more than that length: yoga's own check, which
    // pipes every body through a TransformStream, would only cost (4% of B1's CPU, measured)
    maxRequestBodySize: false,
    maskedErrors: { maskError },
    context: async (initial) => {
      // a graphql-ws socket was authenticated once, in connection_init (src/transports/graphql-ws.ts); HTTP per request
      const ws = initial as { viewer?: Viewer; origin?: string; requestId?: string; req?: IncomingMessage; logger?: Services["logger"] };
      const request = initial.request as Request | undefined;
      // the request's id (a socket's upgrade request for graphql-ws) is on every line logged through ctx.logger
      const requestId = ws.requestId ?? (ws.req ? requestIdOf(ws.req) : undefined);
      const log = ws.logger ?? (requestId ? services.logger.child({ requestId }) : services.logger);
      const resolved = ws.viewer ? { viewer: ws.viewer } : await resolveViewer(services, request?.headers.get("authorization"));
      const { viewer } = resolved;
      // without a viewer only introspection runs (src/auth/introspection.ts): no resolver of ours reads it
      if (!viewer && !(config.introspection && isIntrospectionRequest(initial.params))) throw unauthorized(resolved.failure!);
      const origin = config.publicUrl ? new URL(config.publicUrl).origin : (ws.origin ?? new URL(request!.url).origin);
      const lastEventId = request?.headers.get("last-event-id") ?? undefined;
      // the gateway's ToolCall rows of the last moments are written first, so a call shows up at once
      if (services.toolCalls.pending) await services.toolCalls.flush();
      return { viewer: viewer!, services, origin, lastEventId, requestId, logger: log };
    },
    plugins: [
      useSafeRequestParsing(),
      ...armor.protect().plugins,
      useRedactedInputErrors(),
      useCostLimit(new CostBuckets(config.costLimit)),
      useInputChecks(),
      ...(config.introspection ? [] : [useNoIntrospection()]),
      useSharedSubscriptionResults(subscriberGroup),
      ...(options.plugins ?? []),
    ],
  });
}
