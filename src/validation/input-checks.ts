import {
  type ExecutionArgs,
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import type { FieldError } from "../errors.js";
import { invalid } from "./input-rules.js";
import { inputProblems } from "./input-walk.js";

/**
 * The arguments of every field an operation selects, coerced as execution will see them (variables
 * and literals alike), checked against the bounds of src/validation/input-walk.ts before anything
 * runs: a NUL byte in a search string must not reach PostgreSQL from a nested selection either. On
 * HTTP, SSE and graphql-ws alike (they all execute through yoga's envelop). Root mutation fields are
 * left to MutationInputPlugin, which answers with their ValidationError member.
 */
function argumentProblems({ schema, document, variableValues, operationName }: ExecutionArgs): FieldError[] {
  const operation = getOperationAST(document, operationName);
  if (!operation) return [];
  const variables = getVariableValues(schema, operation.variableDefinitions ?? [], variableValues ?? {}, { maxErrors: 1 });
  if (variables.errors) return []; // execution reports them
  const mutation = schema.getMutationType();
  const typeInfo = new TypeInfo(schema);
  const problems: FieldError[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const field = typeInfo.getFieldDef();
        if (!field || !node.arguments?.length || typeInfo.getParentType() === mutation) return;
        try {
          problems.push(...inputProblems(getArgumentValues(field, node, variables.coerced), [node.name.value]));
        } catch {
          // an argument execution will refuse (a missing variable of another operation): it says why
        }
      },
    }),
  );
  return problems;
}

export function useInputChecks(): Plugin {
  const check = ({ args, setResultAndStopExecution }: { args: ExecutionArgs; setResultAndStopExecution: (r: { errors: GraphQLError[] }) => void }) => {
    const problems = argumentProblems(args);
    if (!problems.length) return;
    const { message, fieldErrors } = invalid(problems);
    setResultAndStopExecution({ errors: [new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", fieldErrors } })] });
  };
  return { onExecute: check, onSubscribe: check };
}
