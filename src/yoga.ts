import { EnvelopArmor } from "@escape.tech/graphql-armor";
import { PothosValidationError } from "@pothos/core";
import { GraphQLError } from "graphql";
import { createYoga, maskError as defaultMaskError, type Plugin, type YogaServerInstance } from "graphql-yoga";
import { authenticate } from "./auth/api-keys.js";
import { isIntrospectionRequest, useNoIntrospection } from "./auth/introspection.js";
import type { Viewer } from "./auth/viewer.js";
import type { Context, ServerConfig } from "./context.js";
import { prisma } from "./db/client.js";
import { DomainError, NotFoundError, ValidationError } from "./errors.js";
import type { PubSub } from "./events/pubsub.js";
import type { Logger } from "./logger.js";
import { useRedactedInputErrors } from "./modules/common/redact-input-errors.js";
import { schema } from "./schema.js";

export type ServerContext = Record<string, unknown>;

export const unauthorized = () =>
  new GraphQLError("Missing or invalid API key: send `Authorization: Bearer <api key>`", {
    extensions: { code: "UNAUTHENTICATED", http: { status: 401, headers: { "WWW-Authenticate": "Bearer" } } },
  });

/** Expected failures keep their message and a code; anything else is masked. */
function maskError(error: unknown, message: string, isDev?: boolean): Error {
  const original = error instanceof GraphQLError ? error.originalError : error;
  // before the GraphQLError check: PothosValidationError extends GraphQLError
  if (original instanceof PothosValidationError) {
    return new GraphQLError(original.message, { extensions: { code: "BAD_USER_INPUT" } });
  }
  if (original instanceof GraphQLError) return error as Error;
  if (original instanceof DomainError) {
    const code =
      original instanceof NotFoundError ? "NOT_FOUND" : original instanceof ValidationError ? "BAD_USER_INPUT" : original.name;
    return new GraphQLError(original.message, { extensions: { code } });
  }
  return defaultMaskError(error, message, isDev);
}

export function createYogaServer(options: {
  pubsub: PubSub;
  logger: Logger;
  config: ServerConfig;
  /** transport plugins the app adds (SSE event ids and limits) */
  plugins?: Plugin[];
}): YogaServerInstance<ServerContext, Context> {
  const armor = new EnvelopArmor({
    maxDepth: { n: 12 },
    maxAliases: { n: 30 },
    costLimit: { maxCost: 20000 },
  });
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    graphiql: false, // src/http/graphiql-page.ts serves GraphiQL, from this server's own files
    logging: {
      debug: (...args) => options.logger.debug(args.map(String).join(" ")),
      info: (...args) => options.logger.info(args.map(String).join(" ")),
      warn: (...args) => options.logger.warn(args.map(String).join(" ")),
      error: (...args) =>
        options.logger.error({ err: args.find((a) => a instanceof Error) }, args.filter((a) => !(a instanceof Error)).map(String).join(" ")),
    },
    maskedErrors: { maskError },
    context: async (initial) => {
      // a graphql-ws socket was authenticated once, in connection_init (src/ws.ts); HTTP per request
      const ws = initial as { viewer?: Viewer; origin?: string };
      const request = initial.request as Request | undefined;
      const viewer = ws.viewer ?? (await authenticate(prisma, request?.headers.get("authorization")));
      const introspection = options.config.introspection !== false;
      // without a viewer only introspection runs (src/auth/introspection.ts): no resolver of ours reads it
      if (!viewer && !(introspection && isIntrospectionRequest(initial.params))) throw unauthorized();
      const origin = options.config.publicUrl
        ? new URL(options.config.publicUrl).origin
        : (ws.origin ?? new URL(request!.url).origin);
      const lastEventId = request?.headers.get("last-event-id") ?? undefined;
      return { viewer: viewer!, pubsub: options.pubsub, config: options.config, origin, lastEventId };
    },
    plugins: [
      ...armor.protect().plugins,
      useRedactedInputErrors(),
      ...(options.config.introspection === false ? [useNoIntrospection()] : []),
      ...(options.plugins ?? []),
    ],
  });
}
