import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  buildSchema,
  getNamedType,
  type GraphQLCompositeType,
  type GraphQLSchema,
  isAbstractType,
  isLeafType,
  isNonNullType,
  isUnionType,
} from "graphql";
import {
  type ConcreteRequest,
  createOperationDescriptor,
  Environment,
  Network,
  RecordSource,
  Store,
  type Variables,
} from "relay-runtime";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/paths.js";
import { schema } from "../../src/schema.js";
import { prisma } from "../helpers/database.js";
import { connector, connectorEvent, pendingAuthorization, personalConfiguration, team } from "../helpers/fixtures.js";
import { relayArtifact } from "../helpers/relay.js";
import { startServer } from "../helpers/server.js";
import { captureConsoleWarnings } from "../helpers/console-warnings.js";

// Relay keys every record by `id` alone, so an id must name one object of one type (Relay's global
// object identification). Real responses of every contract query, selecting every contract field,
// go through relay-runtime's normalization into one store: Relay must warn about nothing, and read
// back from its store exactly what the server sent, before and after the other queries landed.

const contract = buildSchema(readFileSync(join(PROJECT_ROOT, "test", "fixtures", "contract.graphql"), "utf8"));

/**
 * Every field of the contract's `type` that needs no argument, down to where a type would repeat.
 * In refinements to concrete types, a field whose type differs between them (`name`: String! on
 * Connector, String on User) is aliased by the type (`User_name: name`): one selection cannot merge them.
 */
function selectAll(s: GraphQLSchema, type: GraphQLCompositeType, path: string[] = [type.name], clashing = new Set<string>()): string {
  const refinements = isAbstractType(type) ? s.getPossibleTypes(type) : [];
  const typesOf = new Map<string, Set<string>>();
  for (const t of refinements) for (const f of Object.values(t.getFields())) typesOf.set(f.name, (typesOf.get(f.name) ?? new Set()).add(String(f.type)));
  const clash = new Set([...typesOf].filter(([, types]) => types.size > 1).map(([name]) => name));
  const refine = (t: GraphQLCompositeType) => (path.includes(t.name) ? "" : `... on ${t.name} { ${selectAll(s, t, [...path, t.name], clash)} }`);
  const parts: string[] = [];
  if (!isUnionType(type)) {
    for (const f of Object.values(type.getFields())) {
      if (f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
      const named = getNamedType(f.type);
      const key = clashing.has(f.name) ? `${type.name}_${f.name}: ${f.name}` : f.name;
      if (isLeafType(named)) parts.push(key);
      else if (!path.includes(named.name)) parts.push(`${key} { ${selectAll(s, named as GraphQLCompositeType, [...path, named.name])} }`);
    }
  }
  return [...parts, ...refinements.map(refine)].join(" ");
}

/** One query per root field, selecting all of its result; fields with other required arguments are left out. */
const ROOT_ARGUMENTS: Record<string, [string, string]> = {
  node: ["($id: ID!)", "(id: $id)"],
  nodes: ["($ids: [ID!]!)", "(ids: $ids)"],
  preset: ["($slug: String!)", "(slug: $slug)"],
  connector: ["($id: ID!)", "(id: $id)"],
  personalConfiguration: ["($id: ID!)", "(id: $id)"],
};
function queriesOf(s: GraphQLSchema) {
  return Object.values(s.getQueryType()!.getFields()).flatMap((f) => {
    const [variables, args] = ROOT_ARGUMENTS[f.name] ?? ["", ""];
    if (!args && f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) return [];
    const named = getNamedType(f.type);
    const body = isLeafType(named) ? "" : `{ ${selectAll(s, named as GraphQLCompositeType)} }`;
    return [{ field: f.name, source: `query All_${f.name}${variables} { ${f.name}${args} ${body} }` }];
  });
}
const contractQueries = queriesOf(contract);

const warnings = captureConsoleWarnings();

describe("Relay's store, on real responses of every contract query", async () => {
  const server = await startServer();

  /** An environment whose network is the server over HTTP; it keeps each payload it received. */
  function relayEnvironment(key: string) {
    const payloads: unknown[] = [];
    const network = Network.create(async (params, variables) => {
      const res = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        body: JSON.stringify({ query: params.text, variables }),
      });
      const body = await res.json();
      payloads.push(body);
      return body;
    });
    const environment = new Environment({ network, store: new Store(new RecordSource()) });
    /** runs the operation through Relay; returns what the server sent and what Relay's store now reads */
    async function run(request: ConcreteRequest, variables: Variables = {}) {
      const operation = createOperationDescriptor(request, variables);
      const before = payloads.length;
      const execute = request.params.operationKind === "mutation" ? environment.executeMutation({ operation }) : environment.execute({ operation });
      await execute.toPromise();
      const payload = payloads[before] as { data?: unknown; errors?: unknown };
      expect(payload.errors, request.params.name).toBeUndefined();
      return { sent: payload.data, read: () => environment.lookup(operation.fragment).data };
    }
    return { run };
  }

  async function workspace() {
    const t = await team();
    const github = await connector(t.organizationId, { presetSlug: "github", createdById: t.alice.userId, state: "CONNECTED" });
    await connector(t.organizationId, { presetSlug: "github", createdById: t.bob.userId, state: "ERROR", statusReason: "down" });
    const pending = await connector(t.organizationId, { presetSlug: "slack", scope: "PERSONAL", createdById: t.alice.userId, state: "AUTH_REQUIRED" });
    await pendingAuthorization(pending);
    await connector(t.organizationId, { presetSlug: null, createdById: t.alice.userId, metadata: { team: "a" } });
    const event = await connectorEvent(github, { kind: "STATE_CHANGED", previousState: "CREATED", state: "CONNECTED", actorId: t.alice.userId });
    const pconf = await personalConfiguration(t.organizationId, { userId: t.alice.userId });
    await personalConfiguration(t.organizationId, { userId: t.alice.userId, presetSlug: "slack", healthStatus: "HEALTHY" });
    const preset = await prisma.preset.findUniqueOrThrow({ where: { slug: "github" }, include: { tools: true } });
    const ids = [t.organizationId, t.alice.userId!, preset.id, preset.tools[0].id, github.tools[0].id, github.id, pconf.id, event.id];
    return { t, github, pconf, ids };
  }

  it("covers every root query field of the contract", () => {
    expect(contractQueries.map((q) => q.field).sort()).toEqual(Object.keys(contract.getQueryType()!.getFields()).sort());
  });

  // the server's own schema too: fields and types added beyond the contract keep the rule
  it.each([
    ["the contract's", contractQueries],
    ["the server's", queriesOf(schema)],
  ])("normalizes %s queries without a warning, and reads back what the server sent", async (_label, queries) => {
    const { t, github, pconf, ids } = await workspace();
    const { run } = relayEnvironment(t.alice.key);
    const variablesOf = (field: string): Variables[] => {
      if (field === "node") return ids.map((id) => ({ id }));
      if (field === "nodes") return [{ ids }];
      if (field === "preset") return [{ slug: "github" }];
      if (field === "connector") return [{ id: github.id }];
      if (field === "personalConfiguration") return [{ id: pconf.id }];
      return [{}];
    };
    const results: { name: string; sent: any; read: () => unknown }[] = [];
    for (const q of queries) {
      const request = relayArtifact(schema, q.source);
      for (const variables of variablesOf(q.field)) {
        const result = await run(request, variables);
        expect(result.read(), `${q.field} ${JSON.stringify(variables)}`).toEqual(result.sent);
        results.push({ name: q.field, ...result });
      }
    }
    expect(warnings.lines).toEqual([]);
    // the later responses changed no earlier one: every object kept its own fields
    for (const r of results) expect(r.read(), r.name).toEqual(r.sent);
    expect(warnings.lines).toEqual([]);
    // and there was something to mix up: every id resolved, the catalog shows the installs
    const sent = (field: string) => results.filter((r) => r.name === field).map((r) => r.sent[field]);
    expect(sent("node").map((n) => n?.id)).toEqual(ids);
    const entry = sent("connectorsWithStatus")[0].find((e: { slug: string }) => e.slug === "github");
    expect([entry.server.connector.id, entry.installations.length]).toEqual([entry.installations[1].id, 2]);
  });

  it("derives the ids of views from what they show: stable, and never the id of a Node", async () => {
    const { t, github } = await workspace();
    const client = server.as(t.alice.key);
    const Catalog = `query ViewIds { connectorsWithStatus { id slug server { id connector { id } } } presets(first: 100) { edges { node { id slug } } } }`;
    const first = (await client.raw(Catalog)).data;
    expect((await client.raw(Catalog)).data).toEqual(first);
    const presetIds = new Map(first.presets.edges.map(({ node: p }: { node: { id: string; slug: string } }) => [p.slug, p.id]));
    for (const entry of first.connectorsWithStatus) expect(entry.id).toBe(`cws_${String(presetIds.get(entry.slug)).slice("pset_".length)}`);
    const entry = first.connectorsWithStatus.find((e: { slug: string }) => e.slug === "github");
    expect(entry.server.id).toBe(`csrv_${entry.server.connector.id.slice("conn_".length)}`);
    // not Nodes: node(id:) knows none of them, and still knows the Nodes
    const node = (id: string) => client.raw(`query N($id: ID!) { node(id: $id) { __typename id } }`, { id });
    for (const id of [entry.id, entry.server.id]) expect((await node(id)).data.node).toBeNull();
    expect((await node(github.id)).data.node).toEqual({ __typename: "Connector", id: github.id });
  });

  it("keeps a NotFoundError apart from the connector it names", async () => {
    const { t, github } = await workspace();
    const { run } = relayEnvironment(t.alice.key);
    const byId = await run(relayArtifact(schema, `query ConnectorById($id: ID!) { connector(id: $id) { name state } }`), { id: github.id });
    const remove = relayArtifact(
      schema,
      `mutation Remove($id: ID!) { deleteConnector(input: { id: $id }) { ... on DeleteConnectorSuccess { deletedId } ... on Error { message } } }`,
    );
    expect((await run(remove, { id: github.id })).sent).toMatchObject({ deleteConnector: { deletedId: github.id } });
    expect((await run(remove, { id: github.id })).sent).toMatchObject({ deleteConnector: { __typename: "NotFoundError" } });
    expect(warnings.lines).toEqual([]);
    // the store still holds the connector as it was read
    expect(byId.read()).toEqual(byId.sent);
  });
});
