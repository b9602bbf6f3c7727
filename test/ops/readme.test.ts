import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getNamedType, isUnionType, Kind, parse, TypeInfo, validate, visit, visitWithTypeInfo } from "graphql";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/paths.js";
import { schema } from "../../src/schema.js";
import { selectsErrorMessage } from "../helpers/documents.js";

// The README's GraphiQL examples are what new users paste first: each must run as pasted.
const readme = readFileSync(join(PROJECT_ROOT, "README.md"), "utf8");
const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);

describe("the README's GraphiQL examples", () => {
  it("are there", () => expect(blocks.length).toBeGreaterThanOrEqual(4));

  it.each(blocks.map((b, i) => [i, b]))("block %i is valid against the schema, every operation named", (_i, block) => {
    const document = parse(block);
    expect(validate(schema, document).map((e) => e.message)).toEqual([]);
    for (const d of document.definitions) if (d.kind === Kind.OPERATION_DEFINITION) expect(d.name?.value).toBeTruthy();
  });

  it.each(blocks.map((b, i) => [i, b]))("block %i selects `... on Error { message }` on every mutation result", (_i, block) => {
    const typeInfo = new TypeInfo(schema);
    const unselected: string[] = [];
    let inMutation = false;
    visit(
      parse(block),
      visitWithTypeInfo(typeInfo, {
        OperationDefinition: (op) => void (inMutation = op.operation === "mutation"),
        Field(field) {
          const type = typeInfo.getType();
          // the root fields of a mutation return a union of a success and the errors
          if (!inMutation || typeInfo.getParentType() !== schema.getMutationType() || !type) return;
          if (isUnionType(getNamedType(type)) && (!field.selectionSet || !selectsErrorMessage(field.selectionSet))) unselected.push(field.name.value);
        },
      }),
    );
    expect(unselected).toEqual([]);
  });
});
