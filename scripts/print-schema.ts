// Prints the schema from the Pothos builder: `npm run schema` writes schema.graphql; `--check` fails
// when the committed file is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { printSchema } from "graphql";
import { schema } from "../src/schema.js";

const path = new URL("../schema.graphql", import.meta.url);
const printed = `${printSchema(schema)}\n`;
if (process.argv.includes("--check")) {
  const current = readFileSync(path, "utf8");
  if (current !== printed) {
    console.error("schema.graphql is stale: run `npm run schema` and commit it");
    process.exit(1);
  }
  console.log("schema.graphql is current");
} else {
  writeFileSync(path, printed);
  console.log("wrote schema.graphql");
}
