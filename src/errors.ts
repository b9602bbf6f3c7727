import type { Connector } from "./generated/prisma/client.js";
import type { ConnectorState } from "./generated/prisma/enums.js";

/**
 * Expected failures. Services throw these; mutations list them in their result unions (Pothos errors
 * plugin), and queries turn them into typed GraphQL errors. Messages never contain secrets.
 */
export class DomainError extends Error {
  override name = this.constructor.name;
  /** the `extensions.code` a GraphQL error carries for it, in the one casing codes use */
  get code(): string {
    return "DOMAIN_ERROR";
  }
}

export interface FieldError {
  path: string[];
  message: string;
}

export class ValidationError extends DomainError {
  constructor(
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
  }
  override get code() {
    return "BAD_USER_INPUT";
  }
  static field(path: string[], message: string) {
    return new ValidationError(message, [{ path, message }]);
  }
}

/** No such object, or the viewer may not see it: the two are never told apart. */
export class NotFoundError extends DomainError {
  constructor(
    readonly id?: string | null,
    what = "object",
  ) {
    super(id ? `No ${what} with id ${id}` : `No such ${what}`);
  }
  override get code() {
    return "NOT_FOUND";
  }
}

export class ForbiddenError extends DomainError {
  override get code() {
    return "FORBIDDEN";
  }
}

export class InvalidStateError extends DomainError {
  constructor(
    message: string,
    readonly state: ConnectorState | null,
  ) {
    super(message);
  }
  override get code() {
    return "INVALID_STATE";
  }
}

/** How a connector's server failed: "unauthorized" means it refused the credentials. */
export type UpstreamFailureKind = "unauthorized" | "token-expired" | "unreachable" | "protocol" | "unusable";

/**
 * The provider or the connector's server refused or failed. When the attempt changed the connector
 * (AUTH_FAILED, ERROR, lastError), `connector` is the row as it is now.
 */
export class UpstreamError extends DomainError {
  constructor(
    message: string,
    readonly details: { kind?: UpstreamFailureKind; connector?: Connector | null } = {},
  ) {
    super(message);
  }
  override get code() {
    return "UPSTREAM_ERROR";
  }
}
