import { graphql } from "../gql/index.js";
import type { CreatePersonalConfigurationInput, UpdatePersonalConfigurationInput } from "../gql/graphql.js";
import { type GraphQLClient, ok } from "../helpers/graphql.js";

graphql(`
  fragment PersonalConfigurationFields on PersonalConfiguration {
    id name description configuration credentialType hasCredentials credentialsExpireAt enabled
    healthStatus lastSyncAt lastError metadata createdAt updatedAt apiKeyId
    user { id }
    preset { slug }
  }
`);

const CreatePersonalConfiguration = graphql(`
  mutation CreatePersonalConfiguration($input: CreatePersonalConfigurationInput!) {
    createPersonalConfiguration(input: $input) {
      __typename
      ... on CreatePersonalConfigurationSuccess { personalConfiguration { ...PersonalConfigurationFields } }
      ...MutationError
    }
  }
`);
const UpdatePersonalConfiguration = graphql(`
  mutation UpdatePersonalConfiguration($input: UpdatePersonalConfigurationInput!) {
    updatePersonalConfiguration(input: $input) {
      __typename
      ... on UpdatePersonalConfigurationSuccess { personalConfiguration { ...PersonalConfigurationFields } }
      ...MutationError
    }
  }
`);
const DeletePersonalConfiguration = graphql(`
  mutation DeletePersonalConfiguration($id: ID!) {
    deletePersonalConfiguration(id: $id) { __typename ... on DeletePersonalConfigurationSuccess { deletedId } ...MutationError }
  }
`);
const TestPersonalConfiguration = graphql(`
  mutation TestPersonalConfiguration($id: ID!) {
    testPersonalConfiguration(id: $id) {
      __typename
      ... on TestPersonalConfigurationSuccess { personalConfiguration { ...PersonalConfigurationFields } }
      ...MutationError
    }
  }
`);

export function personalConfigurations(client: GraphQLClient) {
  return {
    create: async (input: CreatePersonalConfigurationInput) => ok(await client.run(CreatePersonalConfiguration, { input })).createPersonalConfiguration,
    update: async (input: UpdatePersonalConfigurationInput) => ok(await client.run(UpdatePersonalConfiguration, { input })).updatePersonalConfiguration,
    remove: async (id: string) => ok(await client.run(DeletePersonalConfiguration, { id })).deletePersonalConfiguration,
    test: async (id: string) => ok(await client.run(TestPersonalConfiguration, { id })).testPersonalConfiguration,
  };
}
