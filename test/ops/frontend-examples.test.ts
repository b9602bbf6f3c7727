import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { getNamedType, isUnionType, parse, TypeInfo, validate, visit, visitWithTypeInfo } from "graphql";
import { describe, expect, it } from "vitest";
import { createApolloClient, renameConnector } from "../../examples/frontend/apollo.js";
import { CATALOG_QUERY, createRelayEnvironment, fetchCatalog } from "../../examples/frontend/relay.js";
import { connectorsNeedingAttention, createUrqlClient, disconnectConnector } from "../../examples/frontend/urql.js";
import { newId } from "../../src/db/ids.js";
import { PROJECT_ROOT } from "../../src/paths.js";
import { schema } from "../../src/schema.js";
import { connector, team } from "../helpers/fixtures.js";
import { relayArtifact } from "../helpers/relay.js";
import { startServer } from "../helpers/server.js";
import { selectsErrorMessage } from "../helpers/documents.js";
import { captureConsoleWarnings } from "../helpers/console-warnings.js";

// The README's "Use it from a frontend" shows examples/frontend/*.ts whole; each file is run here
// against a real server, so what a frontend developer copies works as shown.
const DIR = join(PROJECT_ROOT, "examples", "frontend");
const files = readdirSync(DIR).filter((f) => f.endsWith(".ts")).sort();
const readme = readFileSync(join(PROJECT_ROOT, "README.md"), "utf8");
const blocks = [...readme.matchAll(/```ts\n(\/\/ examples\/frontend\/[\s\S]*?)```/g)].map((m) => m[1]);
/** the GraphQL documents of a file: gql`…` and /* GraphQL *\/ `…` literals */
const documentsOf = (source: string) => [...source.matchAll(/(?:gql|\/\* GraphQL \*\/ )`([\s\S]*?)`/g)].map((m) => m[1]);

describe("the README's frontend examples", () => {
  it("are urql, Apollo and Relay", () => expect(files).toEqual(["apollo.ts", "relay.ts", "urql.ts"]));

  it.each(files)("shows %s as the file is", (file) => {
    const source = readFileSync(join(DIR, file), "utf8");
    expect(blocks.find((b) => b.startsWith(`// examples/frontend/${file}`))).toBe(source);
  });

  it.each(files)("has in %s only named, valid documents whose mutations select `... on Error { message }`", (file) => {
    const documents = documentsOf(readFileSync(join(DIR, file), "utf8"));
    expect(documents.length).toBeGreaterThan(0);
    for (const text of documents) {
      const document = parse(text);
      expect(validate(schema, document).map((e) => e.message)).toEqual([]);
      const typeInfo = new TypeInfo(schema);
      const unselected: string[] = [];
      visit(
        document,
        visitWithTypeInfo(typeInfo, {
          OperationDefinition: (op) => void expect(op.name?.value).toBeTruthy(),
          Field(field) {
            const type = typeInfo.getType();
            if (typeInfo.getParentType() !== schema.getMutationType() || !type || !isUnionType(getNamedType(type))) return;
            if (!field.selectionSet || !selectsErrorMessage(field.selectionSet)) unselected.push(field.name.value);
          },
        }),
      );
      expect(unselected).toEqual([]);
    }
  });
});

describe("the frontend examples, against a real server", async () => {
  const server = await startServer();
  const warnings = captureConsoleWarnings();

  it("urql: lists the connectors needing attention, disconnects one, and tells an expected failure", async () => {
    const t = await team();
    const broken = await connector(t.organizationId, { presetSlug: "github", state: "ERROR", statusReason: "the server is down" });
    await connector(t.organizationId, { presetSlug: "slack", state: "CONNECTED" });
    const client = createUrqlClient(server.url, t.alice.key);
    // urql adds __typename to every selection, for its cache
    expect(await connectorsNeedingAttention(client)).toEqual({
      __typename: "ConnectorConnection",
      totalCount: 1,
      nodes: [{ __typename: "Connector", id: broken.id, name: broken.name, type: "github", state: "ERROR", statusReason: "the server is down" }],
    });
    expect(await disconnectConnector(client, broken.id, "replaced")).toMatchObject({ id: broken.id, state: "DISCONNECTED", disconnectReason: "replaced" });
    const unknown = newId("conn");
    await expect(disconnectConnector(client, unknown)).rejects.toThrow(`NotFoundError: No connector with id ${unknown}`);
    await expect(connectorsNeedingAttention(createUrqlClient(server.url, "pb_not-a-key"))).rejects.toThrow(/API key/);
    expect(warnings.lines).toEqual([]);
  });

  it("Apollo: renames a connector into the normalized cache, and keeps the message of an expected failure", async () => {
    const t = await team();
    const c = await connector(t.organizationId, { presetSlug: "github" });
    const client = createApolloClient(server.url, t.alice.key);
    expect(await renameConnector(client, c.id, "Production GitHub")).toMatchObject({ id: c.id, name: "Production GitHub", version: c.version + 1 });
    expect((client.cache.extract() as Record<string, unknown>)[`Connector:${c.id}`]).toMatchObject({ name: "Production GitHub" });
    const unknown = newId("conn");
    await expect(renameConnector(client, unknown, "x")).rejects.toThrow(`NotFoundError: No connector with id ${unknown}`);
    await expect(renameConnector(client, c.id, "")).rejects.toThrow(/^ValidationError: /);
    expect(warnings.lines).toEqual([]);
  });

  it("Relay: fetches the catalog into Relay's store and reads it back, without a warning", async () => {
    const t = await team();
    const c = await connector(t.organizationId, { presetSlug: "github", state: "CONNECTED" });
    const environment = createRelayEnvironment(server.url, t.alice.key);
    const catalog = await fetchCatalog(environment, relayArtifact(schema, CATALOG_QUERY));
    const github = catalog.find((e) => e.slug === "github")!;
    expect(github.server).toEqual({ id: expect.stringMatching(/^csrv_/), status: "CONNECTED", connector: { id: c.id, name: c.name, state: "CONNECTED" } });
    expect(catalog.filter((e) => e.server).map((e) => e.slug)).toEqual(["github"]);
    await expect(fetchCatalog(createRelayEnvironment(server.url, "pb_not-a-key"), relayArtifact(schema, CATALOG_QUERY))).rejects.toThrow(
      "Plugboard refused the API key",
    );
    expect(warnings.lines).toEqual([]);
  });
});
