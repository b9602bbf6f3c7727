import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/paths.js";

// eslint.config.js holds the rules and their exceptions; this runs them as `npm run lint:schema` does,
// so that `npm test` fails on an undescribed element or any other graphql-eslint finding.
const eslint = new ESLint({ cwd: PROJECT_ROOT });
const SCHEMA = join(PROJECT_ROOT, "schema.graphql");

const findings = (results: ESLint.LintResult[]) =>
  results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId ?? "parse"}: ${m.message.split("\n")[0]}`));

describe("schema.graphql under graphql-eslint's schema-recommended rules", () => {
  it("has no findings: every type, field, argument, input field and enum value is described", async () => {
    const results = await eslint.lintFiles(["schema.graphql"]);
    expect(results).toHaveLength(1);
    expect(findings(results)).toEqual([]);
  });

  it("would catch an element added without a description", async () => {
    const added = `
"""A type a module might add"""
type Added {
  """described"""
  described: String
  undescribedField(undescribedArgument: Int): String
}
"""An input a module might add"""
input AddedInput {
  undescribedInputField: String
}
"""An enum a module might add"""
enum AddedKind {
  """described"""
  DESCRIBED
  UNDESCRIBED_VALUE
}
type UndescribedType {
  """described"""
  id: ID!
}
`;
    const results = await eslint.lintText(readFileSync(SCHEMA, "utf8") + added, { filePath: SCHEMA });
    const missing = results[0].messages.filter((m) => m.ruleId === "@graphql-eslint/require-description").map((m) => m.message);
    for (const name of ["undescribedField", "undescribedArgument", "undescribedInputField", "UNDESCRIBED_VALUE", "UndescribedType"]) {
      expect(missing.some((message) => message.includes(`"${name}"`))).toBe(true);
    }
    expect(missing).toHaveLength(5);
  });
});
