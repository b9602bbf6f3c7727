import type { CodegenConfig } from "@graphql-codegen/cli";

// Typed documents for the operations the tests use: `graphql(...)` calls in test/ become
// TypedDocumentNodes in test/gql; and the possibleTypes map (fragment matcher) for Apollo Client.
const config: CodegenConfig = {
  schema: "schema.graphql",
  ignoreNoDocuments: true,
  generates: {
    "test/gql/": {
      documents: ["test/**/*.ts", "bench/**/*.ts", "!test/gql/**"],
      preset: "client",
      config: {
        useTypeImports: true,
        emitLegacyCommonJSImports: false,
        enumsAsTypes: true,
        scalars: { DateTime: "string", JSONObject: "Record<string, unknown>", URL: "string" },
      },
      presetConfig: { fragmentMasking: false },
    },
    // Apollo Client's possibleTypes, published beside schema.graphql for frontends: without it
    // InMemoryCache cannot tell that NotFoundError is an Error and drops `... on Error { message }`
    "possible-types.json": {
      plugins: ["fragment-matcher"],
      config: { apolloClientVersion: 3, deterministic: true },
    },
  },
};
export default config;
