import type { ExecutionResult } from "graphql";
import { isAsyncIterable, type Plugin } from "graphql-yoga";
import { connectionOwner, type Viewer } from "../auth/viewer.js";
import type { ConnectionLimiter } from "./connection-limiter.js";
import type { OpenStreams } from "./open-streams.js";
import type { Metrics } from "../observability/metrics.js";
import { rateLimited } from "../events/limits.js";

/**
 * GraphQL over SSE with resumable streams. Yoga's own SSE writer has no `id:` field, so this one
 * replaces it for subscriptions (same framing: `event: next` / `event: complete`, `:` pings) and
 * writes each connector event's id, which a reconnecting EventSource sends back as Last-Event-ID.
 * It also counts open streams against the per-API-key (or per-user) bound that graphql-ws sockets use.
 */

// the id of the event the subscription just resolved, per HTTP request (one SSE stream)
const lastIds = new WeakMap<object, string>();

/** Called by a subscription resolver: the next SSE message carries this id. */
export function rememberEventId(ctx: { request?: object }, id: string): void {
  if (ctx.request) lastIds.set(ctx.request, id);
}

// how to end a request's stream from outside (its credentials were revoked)
const enders = new WeakMap<object, () => void>();

const wantsSse = (request: Request) => (request.headers.get("accept") ?? "").includes("text/event-stream");

export function useSse(options: { limiter: ConnectionLimiter; keepAliveMs: number; metrics: Metrics; streams: OpenStreams }): Plugin {
  return {
    onSubscribe({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue as { request?: Request; viewer?: Viewer };
      if (!ctx.request || !ctx.viewer || !wantsSse(ctx.request)) return;
      const key = connectionOwner(ctx.viewer);
      if (!options.limiter.acquire(key)) {
        setResultAndStopExecution({ errors: [rateLimited("Too many open subscriptions for this API key or user")] });
        return;
      }
      const request = ctx.request;
      const unregister = options.streams.add(ctx.viewer, () => enders.get(request)?.());
      let released = false;
      const release = () => {
        if (!released) {
          options.limiter.release(key);
          unregister();
        }
        released = true;
      };
      return {
        onSubscribeResult: ({ result }) => (isAsyncIterable(result) ? { onEnd: release } : release()),
        onSubscribeError: release,
      };
    },
    onResultProcess({ request, result, setResultProcessor }) {
      if (isAsyncIterable(result) && wantsSse(request)) {
        setResultProcessor((r, fetchAPI) => sseResponse(request, r as AsyncIterable<ExecutionResult>, fetchAPI, options), "text/event-stream");
      }
    },
  };
}

/** As yoga does: `http` and `unexpected` are for the server, not the client. */
function publicError(error: { toJSON?: () => object }) {
  const json = (error.toJSON?.() ?? error) as { extensions?: Record<string, unknown> };
  if (!json.extensions) return json;
  const { http: _http, unexpected: _unexpected, ...extensions } = json.extensions;
  return { ...json, extensions: Object.keys(extensions).length ? extensions : undefined };
}

function sseResponse(
  request: Request,
  result: AsyncIterable<ExecutionResult>,
  fetchAPI: { Response: typeof Response },
  { keepAliveMs, metrics }: { keepAliveMs: number; metrics: Metrics },
) {
  const encoder = new TextEncoder();
  const iterator = result[Symbol.asyncIterator]();
  let ping: ReturnType<typeof setInterval> | undefined;
  let open = true;
  const closed = () => {
    if (open) metrics.sseClosed();
    open = false;
  };
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      metrics.sseOpened();
      enders.set(request, () => {
        clearInterval(ping);
        closed();
        const data = JSON.stringify({ errors: [{ message: "The API key was revoked or the user deactivated", extensions: { code: "UNAUTHENTICATED" } }] });
        try {
          controller.enqueue(encoder.encode(`event: next\ndata: ${data}\n\nevent: complete\ndata:\n\n`));
          controller.close();
        } catch {
          // the client had gone already
        }
        void iterator.return?.();
      });
      // an early comment flushes the headers: some clients wait for the first bytes
      controller.enqueue(encoder.encode(":\n\n"));
      ping = setInterval(() => {
        if (controller.desiredSize === null) return clearInterval(ping);
        if (controller.desiredSize > 0) controller.enqueue(encoder.encode(":\n\n"));
      }, keepAliveMs);
    },
    async pull(controller) {
      try {
        const { value, done } = await iterator.next();
        if (value != null) {
          const id = lastIds.get(request);
          lastIds.delete(request);
          const data = JSON.stringify({ data: value.data, errors: value.errors?.map(publicError), extensions: value.extensions });
          controller.enqueue(encoder.encode(`${id ? `id: ${id}\n` : ""}event: next\ndata: ${data}\n\n`));
        }
        if (done) {
          controller.enqueue(encoder.encode("event: complete\ndata:\n\n"));
          clearInterval(ping);
          closed();
          controller.close();
        }
      } catch (err) {
        clearInterval(ping);
        closed();
        controller.error(err);
      }
    },
    async cancel() {
      clearInterval(ping);
      closed();
      await iterator.return?.();
    },
  });
  return new fetchAPI.Response(stream, {
    status: 200,
    headers: { "Content-Type": "text/event-stream", Connection: "keep-alive", "Cache-Control": "no-cache", "Content-Encoding": "none" },
  });
}
