import type { ConnectorState } from "./generated/prisma/enums.js";

/**
 * Expected failures. Services throw these; mutations list them in their result unions (Pothos errors
 * plugin), and queries turn them into typed GraphQL errors. Messages never contain secrets.
 */
export class DomainError extends Error {
  override name = this.constructor.name;
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
}

export class ForbiddenError extends DomainError {}

export class InvalidStateError extends DomainError {
  constructor(
    message: string,
    readonly state: ConnectorState | null,
  ) {
    super(message);
  }
}

export class UpstreamError extends DomainError {}
