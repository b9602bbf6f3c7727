import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { printSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/paths.js";
import { schema } from "../../src/schema.js";

// The contract (the base file and the MCP gateway's part, checked together) and its checker are
// committed as fixtures, so that a clone without ../shared checks them too; where ../shared exists,
// the schema is checked against it as well, and the copies must not have drifted from it.
const FIXTURES = join(PROJECT_ROOT, "test", "fixtures");
const SHARED = join(PROJECT_ROOT, "..", "shared");
const COPIES = [
  ["contract.graphql", "contract.graphql"],
  ["contract-gateway.graphql", "contract-gateway.graphql"],
  ["check-contract.mjs", join("tools", "check-contract.mjs")],
] as const;
const hasShared = existsSync(join(SHARED, "contract.graphql"));

function checkContract(checker: string, ...contracts: string[]) {
  const result = spawnSync(process.execPath, [checker, "schema.graphql", ...contracts], { cwd: PROJECT_ROOT, encoding: "utf8" });
  expect(result.stdout + result.stderr).toMatch(/contract: \d+ checks, 0 broken/);
  expect(result.status).toBe(0);
}

describe("the published schema", () => {
  it("is the schema the server builds (schema.graphql is current)", () => {
    const committed = readFileSync(join(PROJECT_ROOT, "schema.graphql"), "utf8");
    expect(committed).toBe(`${printSchema(schema)}\n`);
  });

  it("keeps every type, field and argument of the public contract and the gateway's (the committed copies)", () => {
    checkContract(join(FIXTURES, "check-contract.mjs"), join(FIXTURES, "contract.graphql"), join(FIXTURES, "contract-gateway.graphql"));
  });

  it.runIf(hasShared)("keeps every type, field and argument of ../shared/contract.graphql and contract-gateway.graphql", () => {
    checkContract(join(SHARED, "tools", "check-contract.mjs"), join(SHARED, "contract.graphql"), join(SHARED, "contract-gateway.graphql"));
  });

  it.runIf(hasShared).each(COPIES)("has test/fixtures/%s as ../shared has it", (fixture, shared) => {
    expect(readFileSync(join(FIXTURES, fixture), "utf8")).toBe(readFileSync(join(SHARED, shared), "utf8"));
  });
});
