import { createHash } from "node:crypto";
import {
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  type GraphQLCompositeType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  isAbstractType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  type SelectionNode,
  type SelectionSetNode,
  validate,
  type ValueNode,
  valueFromASTUntyped,
} from "graphql";
import type { ConcreteRequest, NormalizationArgument, NormalizationSelection } from "relay-runtime";

/**
 * A stand-in for relay-compiler (a Rust binary the project does not ship): the artifact of one
 * operation, as a Relay app would import it from `__generated__/`. Like the compiler it selects
 * `id` wherever the type has one and `__typename` on every abstract type (so Relay keys records by
 * the ids the server returns even where the document never asked for them), and it flattens
 * fragments into the reader and normalization selections. Enough for queries and mutations without
 * directives; the text it sends is the transformed document.
 */
export function relayArtifact(schema: GraphQLSchema, source: string): ConcreteRequest {
  const parsed = parse(source);
  const errors = validate(schema, parsed);
  if (errors.length) throw new Error(`invalid document: ${errors.map((e) => e.message).join("; ")}`);
  const operations = parsed.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const op = operations[0];
  if (operations.length !== 1 || !op.name) throw new Error("one named operation per artifact");
  const fragments = new Map(
    parsed.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const root = (op.operation === "query" ? schema.getQueryType() : schema.getMutationType())!;
  const compiler = new Compiler(schema, fragments);
  const selectionSet = compiler.generate(compiler.inline(op.selectionSet), root);
  const document = { kind: Kind.DOCUMENT, definitions: [{ ...op, selectionSet }] } as const;
  const text = print(document);
  const name = op.name.value;
  const argumentDefinitions = (op.variableDefinitions ?? []).map((v) => ({
    kind: "LocalArgument" as const,
    name: v.variable.name.value,
    defaultValue: v.defaultValue ? valueFromASTUntyped(v.defaultValue) : null,
  }));
  const selections = compiler.selections(selectionSet, root);
  return {
    kind: "Request",
    // reader and normalization selections have the same shape for what this compiles
    fragment: { kind: "Fragment", name, type: root.name, abstractKey: null, metadata: null, argumentDefinitions, selections: selections as never },
    operation: { kind: "Operation", name, argumentDefinitions, selections },
    params: {
      cacheID: createHash("sha1").update(text).digest("hex"),
      id: null,
      metadata: {},
      name,
      operationKind: op.operation === "query" ? "query" : "mutation",
      text,
    },
  } as ConcreteRequest;
}

const field = (name: string): FieldNode => ({ kind: Kind.FIELD, name: { kind: Kind.NAME, value: name } });
const selects = (set: SelectionSetNode, name: string) => set.selections.some((s) => s.kind === Kind.FIELD && !s.alias && s.name.value === name);
const hasIdField = (type: GraphQLNamedType) =>
  (isObjectType(type) || isInterfaceType(type)) && getNamedType(type.getFields().id?.type)?.name === "ID";

class Compiler {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
  ) {}

  /** named fragment spreads become inline fragments */
  inline(set: SelectionSetNode): SelectionSetNode {
    const selections = set.selections.map((s): SelectionNode => {
      if (s.kind === Kind.FRAGMENT_SPREAD) {
        const f = this.fragments.get(s.name.value)!;
        return { kind: Kind.INLINE_FRAGMENT, typeCondition: f.typeCondition, selectionSet: this.inline(f.selectionSet) };
      }
      return s.selectionSet ? { ...s, selectionSet: this.inline(s.selectionSet) } : s;
    });
    return { ...set, selections };
  }

  /** what relay-compiler adds: `__typename` on abstract types, `id` wherever the type has one */
  generate(set: SelectionSetNode, type: GraphQLCompositeType): SelectionSetNode {
    const selections = set.selections.map((s): SelectionNode => {
      if (s.kind === Kind.FIELD && s.selectionSet) {
        const def = (type as GraphQLObjectType).getFields()[s.name.value];
        return { ...s, selectionSet: this.generate(s.selectionSet, getNamedType(def.type) as GraphQLCompositeType) };
      }
      if (s.kind === Kind.INLINE_FRAGMENT) {
        const on = s.typeCondition ? (this.schema.getType(s.typeCondition.name.value) as GraphQLCompositeType) : type;
        return { ...s, selectionSet: this.generate(s.selectionSet, on) };
      }
      return s;
    });
    const added: SelectionNode[] = [];
    if (isAbstractType(type) && !selects(set, "__typename")) added.push(field("__typename"));
    if (hasIdField(type)) {
      if (!selects(set, "id")) added.push(field("id"));
    } else if (isAbstractType(type)) {
      for (const t of this.schema.getPossibleTypes(type)) {
        if (!hasIdField(t)) continue;
        const selectionSet = { kind: Kind.SELECTION_SET, selections: [field("id")] } as const;
        added.push({ kind: Kind.INLINE_FRAGMENT, typeCondition: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: t.name } }, selectionSet });
      }
    }
    return { ...set, selections: [...added, ...selections] };
  }

  /** the reader/normalization selections of a selection set on `type` */
  selections(set: SelectionSetNode, type: GraphQLCompositeType): NormalizationSelection[] {
    const out: NormalizationSelection[] = [];
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        const alias = s.alias?.value ?? null;
        const name = s.name.value;
        const args = s.arguments?.length ? s.arguments.map((a) => argument(a.name.value, a.value)) : null;
        if (name === "__typename" || !s.selectionSet) {
          out.push({ kind: "ScalarField", alias, name, args, storageKey: null });
          continue;
        }
        const def = (type as GraphQLObjectType).getFields()[name];
        const named = getNamedType(def.type) as GraphQLCompositeType;
        out.push({
          kind: "LinkedField",
          alias,
          name,
          args,
          storageKey: null,
          concreteType: isObjectType(named) ? named.name : null,
          plural: isListType(getNullableType(def.type)),
          selections: this.selections(s.selectionSet, named),
        });
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        const on = s.typeCondition ? (this.schema.getType(s.typeCondition.name.value) as GraphQLCompositeType) : type;
        if (on === type || (isObjectType(type) && isAbstractType(on))) {
          out.push(...this.selections(s.selectionSet, type)); // always applies here: flattened
        } else if (isObjectType(on)) {
          out.push({ kind: "InlineFragment", type: on.name, abstractKey: null, selections: this.selections(s.selectionSet, on) });
        } else {
          // an abstract condition inside an abstract type: one refinement per concrete type of both
          for (const t of this.schema.getPossibleTypes(on)) {
            if (!isAbstractType(type) || !this.schema.isSubType(type, t)) continue;
            out.push({ kind: "InlineFragment", type: t.name, abstractKey: null, selections: this.selections(s.selectionSet, t) });
          }
        }
      } else {
        throw new Error("fragment spreads are inlined first");
      }
    }
    return out;
  }
}

const hasVariable = (v: ValueNode): boolean =>
  v.kind === Kind.VARIABLE ||
  (v.kind === Kind.LIST && v.values.some(hasVariable)) ||
  (v.kind === Kind.OBJECT && v.fields.some((f) => hasVariable(f.value)));

function argument(name: string, value: ValueNode): NormalizationArgument {
  if (value.kind === Kind.VARIABLE) return { kind: "Variable", name, variableName: value.name.value };
  if (!hasVariable(value)) return { kind: "Literal", name, value: valueFromASTUntyped(value) };
  if (value.kind === Kind.LIST) return { kind: "ListValue", name, items: value.values.map((v, i) => argument(String(i), v)) };
  if (value.kind === Kind.OBJECT) return { kind: "ObjectValue", name, fields: value.fields.map((f) => argument(f.name.value, f.value)) };
  throw new Error(`unsupported argument ${name}`);
}
