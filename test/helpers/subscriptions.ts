import { inspect } from "node:util";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { type ExecutionResult, print } from "graphql";
import { createClient as createSseClient } from "graphql-sse";
import { type Client, createClient as createWsClient } from "graphql-ws";
import WebSocket from "ws";
import type { App } from "../../src/app.js";

/** How long a test waits for a message that must come (a wait past it fails the test). */
export const WAIT_MS = 10_000;

/**
 * One subscription as a test reads it: messages in order, each awaited with a bounded wait.
 * `next()` fails on a timeout, on an error, and on completion; `completed()` waits for the end.
 */
export class Received<T> {
  private readonly queue: ({ result: ExecutionResult<T> } | { error: unknown } | { done: true })[] = [];
  private waiter: (() => void) | null = null;
  dispose: () => void = () => {};

  push(item: { result: ExecutionResult<T> } | { error: unknown } | { done: true }): void {
    this.queue.push(item);
    this.waiter?.();
  }

  private async take(timeoutMs: number, what: string) {
    const deadline = Date.now() + timeoutMs;
    while (this.queue.length === 0) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${what} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.waiter = null;
    }
    return this.queue.shift()!;
  }

  /** the next result, errors included (for tests that expect an error result) */
  async result(timeoutMs = WAIT_MS): Promise<ExecutionResult<T>> {
    const item = await this.take(timeoutMs, "message");
    if ("result" in item) return item.result;
    if ("error" in item) throw new Error(`subscription failed: ${describe(item.error)}`);
    throw new Error("subscription completed");
  }

  /** the next data, failing on an error result */
  async next(timeoutMs = WAIT_MS): Promise<T> {
    const r = await this.result(timeoutMs);
    if (r.errors?.length || !r.data) throw new Error(`error result: ${JSON.stringify(r.errors)}`);
    return r.data;
  }

  /** the error the subscription ended with (a CloseEvent for graphql-ws, an Error for SSE) */
  async error(timeoutMs = WAIT_MS): Promise<unknown> {
    const item = await this.take(timeoutMs, "error");
    if ("error" in item) return item.error;
    throw new Error(`expected an error, got ${JSON.stringify(item)}`);
  }

  async completed(timeoutMs = WAIT_MS): Promise<void> {
    const item = await this.take(timeoutMs, "completion");
    if (!("done" in item)) throw new Error(`expected completion, got ${"error" in item ? inspect(item.error, { depth: 1 }) : JSON.stringify(item)}`);
  }

  /** what arrived and was not read yet (for asserting nothing else came) */
  get pending(): number {
    return this.queue.length;
  }
}

const describe = (e: unknown) =>
  e && typeof e === "object" && "code" in e ? `close ${(e as { code: number }).code} ${(e as { reason?: string }).reason ?? ""}` : String(e);

const opened: { dispose(): void }[] = [];

/** Ends every subscription and client the helpers opened (call it in afterEach). */
export function closeAll(): void {
  for (const o of opened.splice(0)) o.dispose();
}

export const wsUrl = (httpUrl: string) => `${httpUrl.replace(/^http/, "ws")}/graphql`;

/** A graphql-ws client with the API key in connection_init, never retrying (tests see each close). */
export function wsClient(
  httpUrl: string,
  key: string | null,
  extra: { lazy?: boolean; onClosed?: (event: unknown) => void; /** the Host header the upgrade request sends */ host?: string } = {},
): Client {
  const host = extra.host;
  const client = createWsClient({
    url: wsUrl(httpUrl),
    webSocketImpl: host
      ? class extends WebSocket {
          constructor(url: string, protocols?: string | string[]) {
            super(url, protocols, { headers: { host } });
          }
        }
      : WebSocket,
    connectionParams: key ? { authorization: `Bearer ${key}` } : {},
    retryAttempts: 0,
    lazy: extra.lazy ?? true,
    onNonLazyError: () => {},
    on: extra.onClosed ? { closed: extra.onClosed } : undefined,
  });
  opened.push(client);
  return client;
}

export function subscribeWs<T, V>(client: Client, document: TypedDocumentNode<T, V>, variables?: V): Received<T> {
  const received = new Received<T>();
  received.dispose = client.subscribe<T>(
    { query: print(document), variables: variables as Record<string, unknown> },
    {
      next: (result) => received.push({ result: result as ExecutionResult<T> }),
      error: (error) => received.push({ error }),
      complete: () => received.push({ done: true }),
    },
  );
  opened.push(received);
  return received;
}

/** GraphQL over SSE (distinct connections: yoga's mode), authenticated by the Authorization header. */
export function subscribeSse<T, V>(
  httpUrl: string,
  key: string | null,
  document: TypedDocumentNode<T, V>,
  variables?: V,
  headers: Record<string, string> = {},
): Received<T> {
  const client = createSseClient({
    url: `${httpUrl}/graphql`,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
    retryAttempts: 0,
  });
  const received = new Received<T>();
  const dispose = client.subscribe<T>(
    { query: print(document), variables: variables as Record<string, unknown> },
    {
      next: (result) => received.push({ result: result as ExecutionResult<T> }),
      error: (error) => received.push({ error }),
      complete: () => received.push({ done: true }),
    },
  );
  received.dispose = () => {
    dispose();
    client.dispose();
  };
  opened.push(received);
  return received;
}

/**
 * Waits until `n` connector-event subscribers listen on this server (a subscription with no first
 * message gives no other sign that it is live). Bounded: it fails the test past WAIT_MS.
 */
export async function listening(app: Pick<App, "services">, organizationId: string, n = 1): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (app.services.connectorEvents.listenerCount(organizationId) < n) {
    if (Date.now() > deadline) throw new Error(`${n} subscribers were not listening within ${WAIT_MS} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
