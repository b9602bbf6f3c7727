import { GraphQLError } from "graphql";

/**
 * Whether an error means the database (or Redis) cannot be reached now, rather than that the
 * request is wrong: the client should try again later. Decided by codes and kinds only, because the
 * messages of these errors name the host, the port and the driver, which never leave the server.
 */

// Prisma's codes for a database it cannot reach, that timed out, closed the connection, or whose
// pool is exhausted (https://www.prisma.io/docs/orm/reference/error-reference)
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1011", "P1017", "P2024", "P2037"]);
// what the driver adapter makes of a socket error (Prisma keeps it in meta.driverAdapterError)
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TlsConnectionError"]);
// Node's socket errors, and PostgreSQL's SQLSTATEs for a server shutting down or out of connections
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
// ioredis gives up on a command after maxRetriesPerRequest with this error class
const ERROR_NAMES = new Set(["PrismaClientInitializationError", "MaxRetriesPerRequestError"]);

type Inspectable = { code?: unknown; name?: unknown; kind?: unknown; cause?: unknown; originalError?: unknown; meta?: unknown };

export function isServiceUnavailable(error: unknown): boolean {
  let e = error as Inspectable | undefined;
  // the chain is short (GraphQLError → Prisma error → adapter error → socket error); bounded anyway
  for (let depth = 0; e && typeof e === "object" && depth < 6; depth++) {
    const code = typeof e.code === "string" ? e.code : "";
    if (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATES.has(code) || code.startsWith("08")) return true;
    if (typeof e.name === "string" && ERROR_NAMES.has(e.name)) return true;
    if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
    const adapter = (e.meta as { driverAdapterError?: { cause?: { kind?: unknown } } } | undefined)?.driverAdapterError;
    if (typeof adapter?.cause?.kind === "string" && ADAPTER_KINDS.has(adapter.cause.kind)) return true;
    e = (e.originalError ?? e.cause ?? adapter) as Inspectable | undefined;
  }
  return false;
}

/** How long a client should wait before trying again, in seconds (the Retry-After header). */
export const RETRY_AFTER_SECONDS = 5;

export const UNAVAILABLE_MESSAGE = "The service is temporarily unavailable; try again shortly";

/** 503 with Retry-After on HTTP and SSE (yoga reads extensions.http); the same code on graphql-ws. */
export function serviceUnavailable(): GraphQLError {
  return new GraphQLError(UNAVAILABLE_MESSAGE, {
    extensions: {
      code: "SERVICE_UNAVAILABLE",
      retryAfter: RETRY_AFTER_SECONDS,
      http: { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } },
    },
  });
}
