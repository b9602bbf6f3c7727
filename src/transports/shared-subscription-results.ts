import { createSourceEventStream, type DocumentNode, execute, type ExecutionArgs, type ExecutionResult } from "graphql";
import { mapAsyncIterator, type Plugin } from "graphql-yoga";
import { isShared } from "../events/shared-payload.js";

/**
 * What makes two subscribers' results for the same event the same: the operation's document and
 * variables, and whatever of the context its resolvers read (the viewer's visibility and role, the
 * origin of its URLs). null: this subscriber's results are its own (an SSE stream records the ids
 * of the events it sends in its context).
 */
export type GroupOf = (context: unknown) => string | null;

/**
 * A subscription event is executed once per group of subscribers (same document, variables and
 * visibility) instead of once per subscriber: at 5,000 subscribers of a change, most of the work was
 * 5,000 identical executions. The source stream stays each subscriber's own (its replay, its order,
 * its slow-subscriber bound); only the execution of a shared payload is shared, and each result is
 * forgotten with its payload. Envelop's hooks (error masking, the operation's log) still see every
 * subscriber's results: this replaces only the inner subscribe, as graphql-js itself maps an event.
 */
export function useSharedSubscriptionResults(groupOf: GroupOf): Plugin {
  const documents = new WeakMap<DocumentNode, number>();
  let nextDocument = 0;
  const results = new WeakMap<object, Map<string, Promise<ExecutionResult> | ExecutionResult>>();
  const documentId = (d: DocumentNode) => {
    let id = documents.get(d);
    if (id === undefined) documents.set(d, (id = nextDocument++));
    return id;
  };

  return {
    onSubscribe({ args, setSubscribeFn }) {
      const group = groupOf(args.contextValue);
      if (group === null) return;
      setSubscribeFn(async (a: ExecutionArgs) => {
        const source = await createSourceEventStream(a);
        if (!(Symbol.asyncIterator in source)) return source;
        // yoga caches parsed documents, so subscribers sending the same text share one DocumentNode
        const key = `${documentId(a.document)}\u0000${a.operationName ?? ""}\u0000${JSON.stringify(a.variableValues ?? {})}\u0000${group}`;
        return mapAsyncIterator(source, (payload) => {
          if (!isShared(payload)) return execute({ ...a, rootValue: payload });
          let byGroup = results.get(payload);
          if (!byGroup) results.set(payload, (byGroup = new Map()));
          let result = byGroup.get(key);
          if (!result) byGroup.set(key, (result = execute({ ...a, rootValue: payload }) as Promise<ExecutionResult> | ExecutionResult));
          return result;
        });
      });
    },
  };
}
