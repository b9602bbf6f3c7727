import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";

/**
 * graphql-js repeats a rejected input value in its error message ("Variable "$input" got invalid
 * value { accessToken: "…" }", "Expected value of type "String", found …"). The value may be a
 * token, a password or a client secret, and the response goes wherever responses are logged, so those
 * messages keep where the problem is and why, never the value.
 */

const VARIABLE = /^Variable "\$(\w+)" got invalid value /;
// validation messages about literals in the document, and what is left of each without the value
const LITERALS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^(Expected value of type "[^"]+"), found /, (m) => `${m[1]}.`],
  [/^(.*? cannot represent [^:]*): /s, (m) => `${m[1]}.`],
  [/^Value .* does not exist in ("[^"]+" enum)\.$/s, (m) => `The value does not exist in ${m[1]}.`],
];
// inner messages that name only schema things, never the value
const SAFE_REASONS = [
  /^Field "[^"]+" is not defined by type "[^"]+"\./,
  /^Field "[^"]+" of required type "[^"]+" was not provided\.$/,
  /^Expected type "[^"]+" to be an object\.$/,
  /^(JSONObject|URL|DateTime) must /,
];

function redactVariableError(error: GraphQLError): GraphQLError {
  const name = VARIABLE.exec(error.message)?.[1];
  if (!name) return error;
  // the message is `${prefix}; ${originalError.message}`, and only the prefix holds the value
  const reason = error.originalError?.message ?? "";
  const prefix = error.message.slice(0, Math.max(0, error.message.length - reason.length - 2));
  const at = / at "([^"]*)"$/.exec(prefix)?.[1];
  const why = SAFE_REASONS.some((re) => re.test(reason)) ? reason : "it does not fit the field's type.";
  return new GraphQLError(`Variable "$${name}" got an invalid value${at ? ` at "${at}"` : ""}; ${why}`, {
    nodes: error.nodes,
    extensions: { ...error.extensions, code: "BAD_USER_INPUT" },
  });
}

function redactLiteralError(error: GraphQLError): GraphQLError {
  for (const [re, keep] of LITERALS) {
    const m = re.exec(error.message);
    if (m) return new GraphQLError(keep(m), { nodes: error.nodes, extensions: error.extensions });
  }
  return error;
}

export function useRedactedInputErrors(): Plugin {
  return {
    onValidate: () => ({ result, setResult }) => {
      // validation yields GraphQLErrors; anything else passes untouched
      if (result.length) setResult(result.map((e) => (e instanceof GraphQLError ? redactLiteralError(e) : e)));
    },
    onExecute: () => ({
      onExecuteDone: ({ result, setResult }) => {
        if (!("errors" in result) || !result.errors?.length) return;
        setResult({ ...result, errors: result.errors.map((e) => (e instanceof GraphQLError ? redactVariableError(e) : e)) });
      },
    }),
  };
}
