// Lints the printed schema (npm run lint:schema; test/ops/schema-lint.test.ts runs it with npm test).
// graphql-eslint's schema-recommended rules, with every exception named here and why.
import graphqlPlugin from "@graphql-eslint/eslint-plugin";

export default [
  {
    files: ["schema.graphql"],
    languageOptions: {
      parser: graphqlPlugin.parser,
      parserOptions: { graphQLConfig: { schema: "schema.graphql" } },
    },
    plugins: { "@graphql-eslint": graphqlPlugin },
    rules: {
      ...graphqlPlugin.configs["flat/schema-recommended"].rules,
      // Stricter than the preset, which asks only for types and root fields: every field, argument,
      // input field and enum value is described, so the schema is its own reference.
      "@graphql-eslint/require-description": [
        "error",
        {
          types: true,
          rootField: true,
          DirectiveDefinition: true,
          FieldDefinition: true,
          InputValueDefinition: true,
          EnumValueDefinition: true,
        },
      ],
      // Only objects with an identity of their own need an `id`. These have none, by design:
      "@graphql-eslint/strict-id-in-types": [
        "error",
        {
          exceptions: {
            suffixes: [
              // Relay connections and edges are a page and a position in one, not objects
              "Connection",
              "Edge",
              // the contract's mutation payloads (<Mutation>Success) carry the changed object, which has the id
              "Success",
              // errors are values in result unions; NotFoundError's nullable id is derived for Relay stores only
              "Error",
            ],
            types: [
              // Relay's PageInfo describes a page
              "PageInfo",
              // a consent URL with its expiry, a value on its Connector
              "AuthorizationRequest",
              // a Tool as one viewer's agents are offered it: the Tool inside has the id, and a second
              // type with the same id would break Relay's store
              "AvailableTool",
              // what one discovery changed, a value on its ConnectorEvent
              "ToolChanges",
              // the request's identity, not a stored object: its user and organization are Nodes
              "Viewer",
              // one attempt of a WebhookDelivery, a value in its attemptHistory
              "WebhookAttempt",
            ],
          },
        },
      ],
    },
  },
];
