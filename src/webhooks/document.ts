import {
  type DocumentNode,
  execute,
  type ExecutionResult,
  type FieldNode,
  getArgumentValues,
  getVariableValues,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  parse,
  validate,
} from "graphql";
import type { ConnectorFilter } from "../connectors/filter.js";
import { DomainError, ValidationError } from "../errors.js";

/** A document larger than this is refused: it is executed once per event, for as long as the webhook lives. */
export const MAX_DOCUMENT_LENGTH = 16 * 1024;
const ROOT_FIELD = "connectorEvents";

/** A webhook's document, parsed and checked once: what it selects, and which events it matches. */
export interface WebhookDocument {
  document: DocumentNode;
  /** the variables as coerced against the operation */
  variables: Record<string, unknown>;
  /** the root field's arguments */
  connectorId: string | null;
  filter: ConnectorFilter | null;
}

const invalid = (field: "document" | "variables", message: string) => ValidationError.field(["input", field], `${field}: ${message}`);

/**
 * Parses and validates a document against the schema: exactly one operation, a subscription whose
 * only root field is connectorEvents (without `after`: a webhook receives events as they happen),
 * with its variables coerced as a request's would be. The GraphQL error text is the message.
 */
export function parseWebhookDocument(schema: GraphQLSchema, source: string, variables: Record<string, unknown> | null | undefined): WebhookDocument {
  if (source.length > MAX_DOCUMENT_LENGTH) throw invalid("document", `may be at most ${MAX_DOCUMENT_LENGTH} characters`);
  let document: DocumentNode;
  try {
    document = parse(source, { maxTokens: 5000 });
  } catch (e) {
    throw invalid("document", (e as GraphQLError).message);
  }
  const errors = validate(schema, document);
  if (errors.length) throw invalid("document", errors.map((e) => e.message).join("; "));
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1) throw invalid("document", "must hold exactly one operation");
  const [operation] = operations;
  if (operation.operation !== "subscription") throw invalid("document", `must be a subscription (this is a ${operation.operation})`);
  const roots = operation.selectionSet.selections;
  const root = roots[0];
  if (roots.length !== 1 || root.kind !== Kind.FIELD || root.name.value !== ROOT_FIELD) {
    throw invalid("document", `its only root field must be ${ROOT_FIELD} (no fragment, no other field)`);
  }
  if (root.directives?.length) throw invalid("document", `${ROOT_FIELD} may not carry directives`);
  if (root.arguments?.some((a) => a.name.value === "after")) throw invalid("document", "a webhook receives events as they happen: `after` is not accepted");

  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 10 });
  if (coerced.errors) throw invalid("variables", coerced.errors.map((e) => e.message).join("; "));
  const field = schema.getSubscriptionType()!.getFields()[ROOT_FIELD];
  const args = getArgumentValues(field, root as FieldNode, coerced.coerced) as { id?: string | null; filter?: ConnectorFilter | null };
  return { document, variables: coerced.coerced, connectorId: args.id ?? null, filter: args.filter ?? null };
}

/**
 * The document's result for one event, as a subscriber with the same document gets it: the event is
 * the root value handed to connectorEvents' resolver, which is how graphql-js runs each event of a
 * subscription. Errors keep their text only when they are expected ones (as yoga masks them).
 */
export async function executeWebhookDocument(schema: GraphQLSchema, parsed: WebhookDocument, event: unknown, contextValue: object): Promise<ExecutionResult> {
  const result = (await execute({ schema, document: parsed.document, rootValue: event, contextValue, variableValues: parsed.variables })) as ExecutionResult;
  if (!result.errors?.length) return result;
  return { ...result, errors: result.errors.map(masked) };
}

function masked(error: GraphQLError): GraphQLError {
  const original = error.originalError;
  if (!original || original instanceof GraphQLError || original instanceof DomainError) {
    const code = original instanceof DomainError ? { code: original.code } : {};
    return new GraphQLError(error.message, { nodes: error.nodes, path: error.path, extensions: { ...error.extensions, ...code } });
  }
  return new GraphQLError("Unexpected error.", { nodes: error.nodes, path: error.path });
}
