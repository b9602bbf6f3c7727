import type { CodegenConfig } from "@graphql-codegen/cli";

// Typed documents for the operations the tests use: `graphql(...)` calls in test/ become
// TypedDocumentNodes in test/gql.
const config: CodegenConfig = {
  schema: "schema.graphql",
  documents: ["test/**/*.ts", "bench/**/*.ts", "!test/gql/**"],
  ignoreNoDocuments: true,
  generates: {
    "test/gql/": {
      preset: "client",
      config: {
        useTypeImports: true,
        emitLegacyCommonJSImports: false,
        enumsAsTypes: true,
        scalars: { DateTime: "string", JSONObject: "Record<string, unknown>", URL: "string" },
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};
export default config;
