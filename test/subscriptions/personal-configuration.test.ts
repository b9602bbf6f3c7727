import { afterEach, describe, expect, it } from "vitest";
import { graphql } from "../gql/index.js";
import { team } from "../helpers/fixtures.js";
import { type GraphQLClient, ok } from "../helpers/graphql.js";
import { startServer } from "../helpers/server.js";
import { closeAll, subscribeSse, subscribeWs, wsClient } from "../helpers/subscriptions.js";
import { ConfigurationChanged } from "./documents.js";

const Create = graphql(`
  mutation SubscriptionCreateConfiguration($input: CreatePersonalConfigurationInput!) {
    createPersonalConfiguration(input: $input) {
      __typename
      ... on CreatePersonalConfigurationSuccess { personalConfiguration { id } }
      ... on Error { message }
    }
  }
`);
const Update = graphql(`
  mutation SubscriptionUpdateConfiguration($input: UpdatePersonalConfigurationInput!) {
    updatePersonalConfiguration(input: $input) {
      __typename
      ... on UpdatePersonalConfigurationSuccess { personalConfiguration { id } }
    }
  }
`);
const Test = graphql(`
  mutation SubscriptionTestConfiguration($id: ID!) {
    testPersonalConfiguration(id: $id) { __typename ... on Error { message } }
  }
`);
const Delete = graphql(`
  mutation SubscriptionDeleteConfiguration($id: ID!) { deletePersonalConfiguration(id: $id) { __typename } }
`);

async function create(client: GraphQLClient, name = "My GitHub") {
  const r = ok(await client.run(Create, { input: { presetSlug: "github", name, configuration: { repository: "octo-org/octo-repo", branch: "main", paths: [] } } })).createPersonalConfiguration;
  if (r.__typename !== "CreatePersonalConfigurationSuccess") throw new Error(JSON.stringify(r));
  return r.personalConfiguration.id;
}

describe("personalConfigurationChanged", async () => {
  const server = await startServer();
  afterEach(closeAll);

  it("sends the configuration now, then after every change with its health, and completes after the delete", async () => {
    const { alice } = await team();
    const client = server.as(alice.key);
    const id = await create(client);
    const sub = subscribeWs(wsClient(server.url, alice.key), ConfigurationChanged, { id });
    expect((await sub.next()).personalConfigurationChanged).toMatchObject({ id, name: "My GitHub", healthStatus: "UNKNOWN" });

    ok(await client.run(Update, { input: { id, name: "Work GitHub", enabled: false } }));
    expect((await sub.next()).personalConfigurationChanged).toMatchObject({ name: "Work GitHub", enabled: false });
    ok(await client.run(Test, { id })); // no network here: the probe fails, and that is recorded
    const tested = (await sub.next()).personalConfigurationChanged;
    expect(tested.healthStatus).not.toBe("UNKNOWN");
    ok(await client.run(Delete, { id }));
    await sub.completed();
  });

  it("works the same over SSE", async () => {
    const { bob } = await team();
    const client = server.as(bob.key);
    const id = await create(client);
    const sub = subscribeSse(server.url, bob.key, ConfigurationChanged, { id });
    expect((await sub.next()).personalConfigurationChanged.name).toBe("My GitHub");
    ok(await client.run(Update, { input: { id, name: "Renamed" } }));
    expect((await sub.next()).personalConfigurationChanged.name).toBe("Renamed");
    ok(await client.run(Delete, { id }));
    await sub.completed();
  });

  it("ends on the last committed value under concurrent updates", async () => {
    const { alice } = await team();
    const client = server.as(alice.key);
    const id = await create(client);
    const sub = subscribeWs(wsClient(server.url, alice.key), ConfigurationChanged, { id });
    await sub.next();
    await Promise.all(Array.from({ length: 20 }, (_, i) => client.run(Update, { input: { id, name: `Name ${i}` } })));
    ok(await client.run(Update, { input: { id, name: "Final" } }));
    let name = "";
    while (name !== "Final") name = (await sub.next()).personalConfigurationChanged.name;
  });

  it("is NOT_FOUND to anyone but its owner", async () => {
    const mine = await team();
    const other = await team();
    const bobs = await create(server.as(mine.bob.key));
    const foreign = await create(server.as(other.alice.key));
    const client = wsClient(server.url, mine.alice.key);
    for (const id of [bobs, foreign, "pconf_00000000000000000000000000"]) {
      const sub = subscribeWs(client, ConfigurationChanged, { id });
      expect((await sub.result()).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
      await sub.completed();
    }
  });
});
