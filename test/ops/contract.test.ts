import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { printSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/paths.js";
import { schema } from "../../src/schema.js";

describe("the published schema", () => {
  it("is the schema the server builds (schema.graphql is current)", () => {
    const committed = readFileSync(join(PROJECT_ROOT, "schema.graphql"), "utf8");
    expect(committed).toBe(`${printSchema(schema)}\n`);
  });

  it("keeps every type, field and argument of the public contract", () => {
    const result = spawnSync(process.execPath, ["../shared/tools/check-contract.mjs", "schema.graphql"], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
    });
    expect(result.stdout + result.stderr).toMatch(/contract: \d+ checks, 0 broken/);
    expect(result.status).toBe(0);
  });
});
