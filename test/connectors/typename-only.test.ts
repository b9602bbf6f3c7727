import { describe, expect, it } from "vitest";
import { graphql } from "../gql/index.js";
import { ok } from "../helpers/graphql.js";
import { createActor, startServer } from "../helpers/server.js";

// A client may select nothing but __typename of a result union (to branch on it); the payload
// must still resolve.
const CreateTypenameOnly = graphql(`
  mutation CreateTypenameOnly($input: CreateConnectorInput!) { createConnector(input: $input) { __typename } }
`);
const CreatePconf = graphql(`
  mutation CreatePconfForTypename($input: CreatePersonalConfigurationInput!) {
    createPersonalConfiguration(input: $input) {
      __typename
      ... on CreatePersonalConfigurationSuccess { personalConfiguration { id } }
    }
  }
`);
const UpdatePconfTypenameOnly = graphql(`
  mutation UpdatePconfTypenameOnly($input: UpdatePersonalConfigurationInput!) {
    updatePersonalConfiguration(input: $input) { __typename }
  }
`);

describe("result unions selected by __typename alone", async () => {
  const server = await startServer();

  it("answers the success type for createConnector and updatePersonalConfiguration", async () => {
    const admin = await createActor();
    const client = server.as(admin.key);
    const created = ok(await client.run(CreateTypenameOnly, { input: { presetSlug: "linear", name: "Linear" } }));
    expect(created.createConnector.__typename).toBe("CreateConnectorSuccess");

    const pconf = ok(
      await client.run(CreatePconf, {
        input: { presetSlug: "stripe", name: "Mine", configuration: { mode: "test", defaultCurrency: "usd" } },
      }),
    ).createPersonalConfiguration;
    if (pconf.__typename !== "CreatePersonalConfigurationSuccess") throw new Error(pconf.__typename);
    const updated = ok(
      await client.run(UpdatePconfTypenameOnly, { input: { id: pconf.personalConfiguration.id, name: "Renamed" } }),
    );
    expect(updated.updatePersonalConfiguration.__typename).toBe("UpdatePersonalConfigurationSuccess");
  });
});
