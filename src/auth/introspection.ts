import {
  type DocumentNode,
  type FragmentDefinitionNode,
  getOperationAST,
  Kind,
  NoSchemaIntrospectionCustomRule,
  parse,
  type SelectionSetNode,
} from "graphql";
import type { Plugin } from "graphql-yoga";

/**
 * The schema is public, its data is not: a request without a valid key may run a query whose root
 * selects only introspection fields, so GraphiQL's docs explorer and autocompletion work before the
 * key is typed. Nothing below `__schema` or `__type` leads back to data, so only the root is checked
 * (through fragments spread there). INTROSPECTION=false turns introspection off for everyone.
 */
const INTROSPECTION_FIELDS = new Set(["__schema", "__type", "__typename"]);

function onlyIntrospection(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>): boolean {
  return set.selections.every((s) => {
    if (s.kind === Kind.FIELD) return INTROSPECTION_FIELDS.has(s.name.value);
    if (s.kind === Kind.INLINE_FRAGMENT) return onlyIntrospection(s.selectionSet, fragments, seen);
    const fragment = fragments.get(s.name.value);
    if (!fragment) return false;
    if (seen.has(s.name.value)) return true; // a cycle is a validation error already
    return onlyIntrospection(fragment.selectionSet, fragments, new Set(seen).add(s.name.value));
  });
}

/** Whether the operation that would run is a query of introspection fields alone. */
export function isIntrospectionOnly(document: DocumentNode, operationName?: string | null): boolean {
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation !== "query") return false;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  return onlyIntrospection(operation.selectionSet, fragments, new Set());
}

/** The same, for a request's GraphQL parameters (already parsed and validated by yoga by then). */
export function isIntrospectionRequest(params: { query?: string; operationName?: string | null } | undefined): boolean {
  if (!params?.query) return false;
  try {
    return isIntrospectionOnly(parse(params.query), params.operationName);
  } catch {
    return false;
  }
}

/** INTROSPECTION=false: `__schema` and `__type` fail validation, for every transport and every key. */
export function useNoIntrospection(): Plugin {
  return {
    onValidate: ({ addValidationRule }) => addValidationRule(NoSchemaIntrospectionCustomRule),
  };
}
