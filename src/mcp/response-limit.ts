import { currentCall, ResponseTooLarge } from "./call-scope.js";

/**
 * The response, with a body that fails once it has carried more than the current call's limit (and
 * aborts that call), so that a server streaming without end is cut off instead of buffered. A GET
 * (the server-to-client stream) and requests outside a forwarded call are left alone.
 */
export function limitResponse(method: string | undefined, response: Response): Response {
  const current = currentCall();
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
