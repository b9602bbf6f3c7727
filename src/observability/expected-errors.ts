import { PothosValidationError } from "@pothos/core";
import { GraphQLError } from "graphql";
import { DomainError } from "../errors.js";

/**
 * The client's own doing: validation, bad input, not found, unauthenticated, forbidden, a limit, a
 * domain rule — a GraphQLError raised on purpose, or a DomainError. These are logged at info
 * without a stack; anything else is a bug or an outage, logged at error with its stack (and masked).
 */
export function isExpectedError(error: unknown): boolean {
  if (error instanceof GraphQLError) {
    if (error.extensions?.unexpected) return false;
    return error.originalError ? isExpectedError(error.originalError) : true;
  }
  return error instanceof DomainError || error instanceof PothosValidationError;
}

/** The code an error ends with for the client: graphql-js's own (parse, validation) carry none. */
export function errorCode(error: unknown): string {
  const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
  if (typeof code === "string") return code;
  if (!(error instanceof GraphQLError) || error.extensions?.unexpected) return "INTERNAL_SERVER_ERROR";
  return !error.originalError && !error.path ? "GRAPHQL_VALIDATION_FAILED" : "GRAPHQL_ERROR";
}
