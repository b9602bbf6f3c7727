import { type DocumentNode, type ExecutionResult, getOperationAST, Kind } from "graphql";
import { isAsyncIterable, type Plugin } from "graphql-yoga";
import type { Logger } from "../logger.js";
import { errorCode, isExpectedError } from "./expected-errors.js";
import type { Metrics, Transport } from "./metrics.js";

/**
 * One GraphQL operation from arrival to its end (a subscription: its stream's end), on any transport:
 * one access-log line (name, type, transport, duration, outcome: "ok" or the errors' codes) and its
 * metrics. Never the variables or the document: the line says which operation, not with what.
 */
export interface Operation {
  readonly transport: Transport;
  readonly logger: Logger;
  /** the operation's name and type, once its document is parsed */
  identify(document: DocumentNode, operationName?: string | null): void;
  /** a result (or one event of a stream): its errors count toward the outcome */
  observe(errors: readonly unknown[] | undefined): void;
  /** idempotent: the first call writes the line */
  end(): void;
}

export function startOperation(metrics: Metrics, o: { transport: Transport; logger: Logger; operationName?: string | null }): Operation {
  const startedAt = performance.now();
  let name: string | undefined = o.operationName ?? undefined;
  let type: string | undefined;
  const codes = new Set<string>();
  let ended = false;
  return {
    transport: o.transport,
    logger: o.logger,
    identify(document, operationName) {
      const ast = getOperationAST(document, operationName);
      if (!ast) return;
      type = ast.operation;
      name = ast.name?.value;
    },
    observe(errors) {
      for (const e of errors ?? []) codes.add(errorCode(e));
    },
    end() {
      if (ended) return;
      ended = true;
      const durationMs = Math.round((performance.now() - startedAt) * 10) / 10;
      const outcome = codes.size ? [...codes].sort() : ["ok"];
      metrics.operation({ name, type, transport: o.transport }, durationMs, [...codes]);
      o.logger.info({ operation: name ?? "anonymous", operationType: type ?? "unknown", transport: o.transport, durationMs, outcome: outcome.join(",") }, "graphql operation");
    },
  };
}

/** Where each operation is tracked: keyed by the envelop context (one object from arrival to end). */
export interface Operations {
  /** the yoga plugin: HTTP and SSE operations start and end here; every transport's are identified */
  plugin: Plugin;
  /** a graphql-ws operation, started by the socket's onSubscribe, bound to the context it gives yoga */
  bind(context: object, operation: Operation): void;
  /** errors already logged at error level by the plugin (yoga's own error log skips them) */
  logged: WeakSet<object>;
}

const wantsSse = (request: Request) => (request.headers.get("accept") ?? "").includes("text/event-stream");

export function createOperations(options: { metrics: Metrics; loggerFor: (serverContext: object) => Logger }): Operations {
  const { metrics } = options;
  const byContext = new WeakMap<object, Operation>();
  const logged = new WeakSet<object>();

  /** Unexpected errors, logged once with their stack before yoga masks them for the client. */
  const logUnexpected = (context: object, errors: readonly unknown[] | undefined) => {
    for (const e of errors ?? []) {
      if (typeof e !== "object" || e === null || isExpectedError(e) || logged.has(e)) continue;
      logged.add(e);
      const original = (e as { originalError?: unknown }).originalError;
      if (original && typeof original === "object") logged.add(original);
      const logger = byContext.get(context)?.logger ?? (context as { logger?: Logger }).logger;
      logger?.error({ err: original ?? e, path: (e as { path?: unknown }).path }, "unexpected error in a GraphQL operation");
    }
  };

  const subscriptionStream = (context: object) => {
    const transport = byContext.get(context)?.transport ?? "http";
    metrics.subscriptionStarted(transport);
    return { onNext: ({ result }: { result: ExecutionResult }) => logUnexpected(context, result.errors), onEnd: () => metrics.subscriptionEnded(transport) };
  };

  const plugin: Plugin = {
    onParams({ params, request, context }) {
      byContext.set(context, startOperation(metrics, { transport: wantsSse(request) ? "sse" : "http", logger: options.loggerFor(context), operationName: params.operationName }));
    },
    onParse({ context }) {
      return ({ result }) => {
        if (result && typeof result === "object" && "kind" in result && result.kind === Kind.DOCUMENT) {
          byContext.get(context)?.identify(result, (context as { params?: { operationName?: string | null } }).params?.operationName);
        }
      };
    },
    onExecute({ args }) {
      return {
        onExecuteDone: ({ result }) => {
          if (!isAsyncIterable(result)) return logUnexpected(args.contextValue, result.errors);
          return { onNext: ({ result: next }) => logUnexpected(args.contextValue, next.errors) };
        },
      };
    },
    onSubscribe({ args }) {
      return {
        onSubscribeResult: ({ result }) => (isAsyncIterable(result) ? subscriptionStream(args.contextValue) : logUnexpected(args.contextValue, result.errors)),
        onSubscribeError: ({ error }) => logUnexpected(args.contextValue, [error]),
      };
    },
    onExecutionResult({ result, setResult, context }) {
      const operation = byContext.get(context);
      if (!operation) return;
      if (!result || !isAsyncIterable(result)) {
        // a batch is off (yoga's default): one result per request
        operation.observe(Array.isArray(result) ? result.flatMap((r) => r.errors ?? []) : result?.errors);
        return operation.end();
      }
      setResult(observed(result as AsyncIterable<ExecutionResult>, operation));
    },
  };

  return { plugin, bind: (context, operation) => byContext.set(context, operation), logged };
}

/**
 * The stream as it was, its errors observed, the operation ended with it (however it ends). Not an
 * async generator: one waiting for the next event could not be returned until that event came, and
 * a closed SSE stream must end its subscription at once.
 */
function observed(stream: AsyncIterable<ExecutionResult>, operation: Operation): AsyncIterableIterator<ExecutionResult> {
  const inner = stream[Symbol.asyncIterator]();
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      try {
        const step = await inner.next();
        if (step.done) operation.end();
        else operation.observe(step.value.errors);
        return step;
      } catch (e) {
        operation.observe([e]);
        operation.end();
        throw e;
      }
    },
    async return(value?: unknown) {
      operation.end();
      return (await inner.return?.(value)) ?? { done: true, value: undefined };
    },
    async throw(error?: unknown) {
      operation.end();
      if (inner.throw) return inner.throw(error);
      throw error;
    },
  };
}
