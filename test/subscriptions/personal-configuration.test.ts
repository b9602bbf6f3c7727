import { afterEach, describe, expect, it } from "vitest";
import { graphql } from "../gql/index.js";
import { prisma } from "../helpers/database.js";
import { team } from "../helpers/fixtures.js";
import { type GraphQLClient, ok } from "../helpers/graphql.js";
import { createEventBus, type PubSub } from "../../src/events/pubsub.js";
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

/**
 * An event bus that hands out configuration changes late, as a busy Redis between instances may: by
 * the time a stream handles a change, newer versions have committed, and only its version check
 * keeps it from sending one twice.
 */
function lateBus(delayMs: number): PubSub {
  const bus = createEventBus();
  const later = bus.publish as (...args: unknown[]) => void;
  const publish = ((...args: unknown[]) => void setTimeout(() => later(...args), delayMs)) as PubSub["publish"];
  return Object.assign(Object.create(bus) as PubSub, { publish });
}

const SUBSCRIBERS = 3;
const WRITERS = 30;

describe("personalConfigurationChanged", async () => {
  const server = await startServer();
  const late = await startServer({ app: { pubsub: lateBus(25) } });
  afterEach(closeAll);
  // every committed (id, version, name), for the ordering test: versions are not in the schema
  await prisma.$executeRawUnsafe(`CREATE TABLE test_configuration_history (id TEXT, version INTEGER, name TEXT)`);
  await prisma.$executeRawUnsafe(`
    CREATE FUNCTION test_record_configuration() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO test_configuration_history VALUES (NEW.id, NEW.version, NEW.name);
      RETURN NULL;
    END $$`);
  await prisma.$executeRawUnsafe(`
    CREATE TRIGGER test_record_configuration AFTER INSERT OR UPDATE ON "PersonalConfiguration"
    FOR EACH ROW EXECUTE FUNCTION test_record_configuration()`);

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

  it("never goes back in version and sends nothing stale after the last value under concurrent updates", async () => {
    const { alice } = await team();
    // on the server whose bus is late: its streams handle each change after newer ones committed
    const client = late.as(alice.key);
    const id = await create(client);
    const subs = Array.from({ length: SUBSCRIBERS }, () => subscribeWs(wsClient(late.url, alice.key), ConfigurationChanged, { id }));
    const names = await Promise.all(subs.map(async (sub) => [(await sub.next()).personalConfigurationChanged.name]));
    await Promise.all(Array.from({ length: WRITERS }, (_, i) => client.run(Update, { input: { id, name: `Name ${i}` } })));
    ok(await client.run(Update, { input: { id, name: "Final" } }));
    const readUntil = (last: string) =>
      Promise.all(
        subs.map(async (sub, s) => {
          while (names[s].at(-1) !== last) names[s].push((await sub.next()).personalConfigurationChanged.name);
        }),
      );
    await readUntil("Final");
    // anything still queued for the earlier changes would arrive before the next change's value
    ok(await client.run(Update, { input: { id, name: "Next" } }));
    await Promise.all(subs.map(async (sub, s) => names[s].push((await sub.next()).personalConfigurationChanged.name)));

    // the schema has no version field: every name was written once, so the history says its version
    const history = await prisma.$queryRawUnsafe<{ name: string; version: number }[]>(
      `SELECT name, version FROM test_configuration_history WHERE id = $1`,
      id,
    );
    const versions = new Map(history.map((h) => [h.name, h.version]));
    const next = versions.get("Next")!;
    for (const [s, sub] of subs.entries()) {
      const sent = names[s].map((n) => versions.get(n)!);
      expect(sent.every((v, i) => i === 0 || v > sent[i - 1]), `subscriber ${s} sent versions ${sent.join(", ")}`).toBe(true);
      expect(sent.slice(-2), `subscriber ${s} after Final`).toEqual([next - 1, next]);
      expect(sub.pending).toBe(0);
    }
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
