import { AsyncLocalStorage } from "node:async_hooks";

/** A forwarded call's answer grew past MCP_MAX_RESPONSE while it streamed. */
export class ResponseTooLarge extends Error {
  override readonly name = "ResponseTooLarge";

  constructor(readonly limit: number) {
    super(`the server's answer exceeded ${limit} bytes`);
  }
}

interface Scope {
  limit: number;
  /** aborts the SDK request the answer belongs to (it then sends notifications/cancelled upstream) */
  abort(reason: ResponseTooLarge): void;
}

/**
 * The call a POST is sent for. On a pooled session the SDK's transport sends every request through
 * the one fetch; the request's async context is the only thing that tells whose answer a response
 * body is, and the SDK gives no hook on the bytes of a streamed answer.
 */
const scope = new AsyncLocalStorage<Scope>();

/** Runs `send` (an SDK client request) with its HTTP answers held to `limit` bytes. */
export const limitingResponses = <T>(limit: number, abort: Scope["abort"], send: () => Promise<T>): Promise<T> => scope.run({ limit, abort }, send);

/**
 * The response, with a body that fails once it has carried more than the current call's limit (and
 * aborts that call), so that a server streaming without end is cut off instead of buffered. A GET
 * (the server-to-client stream) and requests outside a forwarded call are left alone.
 */
export function limitResponse(method: string | undefined, response: Response): Response {
  const current = scope.getStore();
  if (!current || (method ?? "GET").toUpperCase() !== "POST" || !response.body) return response;
  let seen = 0;
  const counted = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen <= current.limit) return controller.enqueue(chunk);
        const error = new ResponseTooLarge(current.limit);
        current.abort(error);
        controller.error(error);
      },
    }),
  );
  return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
}
