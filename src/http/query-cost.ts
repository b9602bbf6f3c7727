import {
  type DocumentNode,
  type FragmentDefinitionNode,
  getNamedType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  valueFromASTUntyped,
} from "graphql";
import { DEFAULT_PAGE_SIZE } from "../validation/page-size.js";

/**
 * What an operation may cost the server, before it runs, as Shopify and GitHub count it: every
 * field selected is one point, and what is selected under a list is counted as many times as the
 * list may hold (`first`/`last`, the page size by default; `ids` for nodes). A number the client
 * can predict from its query alone, and the same on every transport.
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    else if (d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName)) operation ??= d;
  }
  if (!operation) return 0;
  const root = operation.operation === "query" ? schema.getQueryType() : operation.operation === "mutation" ? schema.getMutationType() : schema.getSubscriptionType();
  if (!root) return 0;
  // a mutation's own work is more than a read's
  const base = operation.operation === "mutation" ? 10 : 0;
  return base + selectionCost(root, operation.selectionSet, 1, { schema, fragments, variables: variables ?? {}, seen: new Set() });
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /** fragments being counted, so that a cycle (refused by validation anyway) ends */
  seen: Set<string>;
}

/** The object type a type condition names; an interface or union counts its fields without one. */
function objectNamed(w: Walk, name: string): GraphQLObjectType | null {
  const t = w.schema.getType(name);
  return t && isObjectType(t) ? t : null;
}

function selectionCost(type: GraphQLObjectType | null, set: SelectionSetNode, times: number, w: Walk): number {
  const { fragments, variables, seen } = w;
  let cost = 0;
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      if (s.name.value.startsWith("__")) continue;
      const field: GraphQLField<unknown, unknown> | undefined = type?.getFields()[s.name.value];
      cost += times;
      if (!s.selectionSet) continue;
      const named = field ? getNamedType(field.type) : null;
      const child = named && isObjectType(named) ? named : null;
      cost += selectionCost(child, s.selectionSet, times * listSize(s.arguments ?? [], field, variables), w);
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      const on = s.typeCondition ? objectNamed(w, s.typeCondition.name.value) : type;
      cost += selectionCost(on, s.selectionSet, times, w);
    } else {
      const f = fragments.get(s.name.value);
      if (!f || seen.has(f.name.value)) continue;
      seen.add(f.name.value);
      cost += selectionCost(objectNamed(w, f.typeCondition.name.value), f.selectionSet, times, w);
      seen.delete(f.name.value);
    }
  }
  return cost;
}

function listSize(args: readonly { name: { value: string }; value: Parameters<typeof valueFromASTUntyped>[0] }[], field: GraphQLField<unknown, unknown> | undefined, variables: Record<string, unknown>): number {
  for (const name of ["first", "last"]) {
    const a = args.find((x) => x.name.value === name);
    if (a) {
      const n = Number(valueFromASTUntyped(a.value, variables));
      return Number.isFinite(n) && n > 0 ? Math.min(n, 1_000) : 1;
    }
  }
  const ids = args.find((x) => x.name.value === "ids");
  if (ids) {
    const v = valueFromASTUntyped(ids.value, variables);
    return Array.isArray(v) ? Math.max(v.length, 1) : 1;
  }
  // a connection without first/last gets the default page
  return field && getNamedType(field.type).name.endsWith("Connection") ? DEFAULT_PAGE_SIZE : 1;
}
