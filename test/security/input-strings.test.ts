import {
  type GraphQLField,
  type GraphQLInputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from "graphql";
import { afterEach, describe, expect, it } from "vitest";
import { schema } from "../../src/schema.js";
import { prisma } from "../helpers/database.js";
import { connector } from "../helpers/fixtures.js";
import { createActor, startServer } from "../helpers/server.js";
import { closeAll, wsClient } from "../helpers/subscriptions.js";

// Issue 12, classes 3 and 10: no string PostgreSQL cannot store (a NUL, a lone surrogate) and no
// prototype key reaches the database from any argument of any field. The cases are generated from
// the schema itself: every String, ID, URL and JSONObject position of every root field's arguments,
// through input objects and lists, so a new argument is covered the day it is added.

const BAD = { nul: "a\u0000b", surrogate: "a\ud800b", lowSurrogate: "\udc00z" };

const FILLERS: Record<string, unknown> = {
  String: "x",
  ID: "conn_000000000000000000000000",
  URL: "https://mcp.example.test/mcp",
  JSONObject: {},
  DateTime: "2026-01-01T00:00:00.000Z",
  Int: 1,
  Float: 1,
  Boolean: true,
};

/** A valid value of the type: required input fields filled, the rest left out. */
function filler(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return filler(type.ofType);
  if (isListType(type)) return [filler(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return Object.fromEntries(fields.map((f) => [f.name, filler(f.type)]));
  }
  return FILLERS[type.name];
}

interface Position {
  path: string[];
  value: (bad: string) => unknown;
}

/** Every place of a string in a value of `type`, each with how to make the value holding `bad` there. */
function positions(type: GraphQLInputType, path: string[], depth = 0): Position[] {
  if (isNonNullType(type)) return positions(type.ofType, path, depth);
  if (isListType(type)) return positions(type.ofType, path, depth).map((p) => ({ path: [...p.path.slice(0, path.length), "0", ...p.path.slice(path.length)], value: (b) => [p.value(b)] }));
  if (isInputObjectType(type)) {
    if (depth > 3) return [];
    const base = filler(type) as Record<string, unknown>;
    return Object.values(type.getFields()).flatMap((f) =>
      positions(f.type, [...path, f.name], depth + 1).map((p) => ({ path: p.path, value: (b) => ({ ...base, [f.name]: p.value(b) }) })),
    );
  }
  const name = getNamedType(type).name;
  if (name === "JSONObject") {
    return [
      { path: [...path, "key"], value: (b) => ({ key: b }) },
      { path, value: (b) => ({ [b]: 1 }) },
      { path: [...path, "nested", "deep", "0"], value: (b) => ({ nested: { deep: [b] } }) },
    ];
  }
  return ["String", "ID", "URL"].includes(name) ? [{ path, value: (b) => b }] : [];
}

function selection(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  if (isUnionType(type)) {
    const validation = type.getTypes().some((t) => t.name === "ValidationError");
    return `{ __typename ${validation ? "... on ValidationError { fieldErrors { path message } }" : ""} }`;
  }
  if (isObjectType(type) || isInterfaceType(type)) return type.getFields().totalCount ? "{ __typename totalCount }" : "{ __typename }";
  return "";
}

interface Case {
  name: string;
  kind: "query" | "mutation" | "subscription";
  field: string;
  /** the ValidationError member answers, at this path; else a BAD_USER_INPUT error */
  member: boolean;
  /** where the problem is, as a ValidationError's fieldErrors name it */
  path: string[];
  query: string;
  variables: Record<string, unknown>;
}

function cases(kind: Case["kind"], bad: string): Case[] {
  const root = kind === "query" ? schema.getQueryType() : kind === "mutation" ? schema.getMutationType() : schema.getSubscriptionType();
  return Object.values(root!.getFields()).flatMap((field) => {
    const type = getNamedType(field.type);
    const member = kind === "mutation" && isUnionType(type) && type.getTypes().some((t) => t.name === "ValidationError");
    const defs = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(", ");
    const uses = field.args.map((a) => `${a.name}: $${a.name}`).join(", ");
    const query = `${kind} Case${defs ? `(${defs})` : ""} { ${field.name}${uses ? `(${uses})` : ""} ${selection(field)} }`;
    const required = Object.fromEntries(field.args.filter((a) => isNonNullType(a.type)).map((a) => [a.name, filler(a.type)]));
    return field.args.flatMap((arg) =>
      positions(arg.type, [arg.name]).map((p) => ({
        name: `${field.name}(${p.path.join(".")})`,
        kind,
        field: field.name,
        member,
        path: p.path,
        query,
        variables: { ...required, [arg.name]: p.value(bad) },
      })),
    );
  });
}

describe("strings PostgreSQL cannot store, and prototype keys, are refused at the edge", async () => {
  const server = await startServer();
  const admin = await createActor({ role: "ADMIN" });
  const client = server.as(admin.key);
  afterEach(closeAll);

  const expectRefused = (c: Case, res: { status: number; data?: any; errors?: readonly any[] }) => {
    const text = JSON.stringify(res);
    expect([c.name, res.status < 500, text.includes("INTERNAL_SERVER_ERROR")]).toEqual([c.name, true, false]);
    if (c.member && res.data?.[c.field]) {
      expect([c.name, res.data[c.field].__typename]).toEqual([c.name, "ValidationError"]);
      expect([c.name, res.data[c.field].fieldErrors[0].path]).toEqual([c.name, c.path]);
    } else {
      expect([c.name, res.errors?.[0]?.extensions?.code]).toEqual([c.name, "BAD_USER_INPUT"]);
    }
  };

  it("covers every String, ID, URL and JSONObject position of every query and mutation argument", () => {
    const all = [...cases("query", BAD.nul), ...cases("mutation", BAD.nul), ...cases("subscription", BAD.nul)];
    const fields = new Set(all.map((c) => c.field));
    // the generator really walks the schema: the fields the issue names are among the cases
    for (const f of ["connectors", "presets", "personalConfigurations", "availableTools", "createConnector", "updateConnector", "connectConnector", "createPersonalConfiguration", "connectorEvents"]) {
      expect(fields).toContain(f);
    }
    expect(all.some((c) => c.name === "createConnector(input.metadata.key)")).toBe(true);
    expect(all.some((c) => c.name === "connectors(filter.type.0)")).toBe(true);
    expect(all.length).toBeGreaterThan(80);
  });

  for (const [label, bad] of Object.entries(BAD)) {
    it(`refuses a ${label} in every query and mutation argument over HTTP (ValidationError for mutations that have one)`, async () => {
      for (const c of [...cases("query", bad), ...cases("mutation", bad)]) expectRefused(c, await client.raw(c.query, c.variables));
    });
  }

  it("refuses them in every subscription argument over graphql-ws", async () => {
    const ws = wsClient(server.url, admin.key);
    for (const c of cases("subscription", BAD.nul)) {
      const errors = await new Promise<any[]>((resolve) => {
        const seen: any[] = [];
        ws.subscribe(
          { query: c.query, variables: c.variables },
          { next: (r) => seen.push(...(r.errors ?? [])), error: (e) => resolve(Array.isArray(e) ? e : [e]), complete: () => resolve(seen) },
        );
      });
      expect([c.name, errors[0]?.extensions?.code]).toEqual([c.name, "BAD_USER_INPUT"]);
    }
  });

  it("refuses a bad string in a nested field's argument, also under a mutation", async () => {
    const c = await connector(admin.organizationId);
    const res = await client.raw(`query($id: ID!, $after: String) { connector(id: $id) { toolCalls(filter: { toolName: $after }) { totalCount } } }`, { id: c.id, after: BAD.nul });
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const literal = await client.raw(`{ connectors(first: 1) { nodes { toolCalls(filter: { toolName: "a\\u0000b" }) { totalCount } } } }`);
    expect(literal.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const nested = await client.raw(
      `mutation($s: String) { createConnector(input: { presetSlug: "github" }) { ... on CreateConnectorSuccess { connector { toolCalls(filter: { toolName: $s }) { totalCount } } } } }`,
      { s: BAD.surrogate },
    );
    expect(nested.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    // refused before anything ran: no connector was created
    expect(await prisma.connector.count({ where: { organizationId: admin.organizationId } })).toBe(1);
  });

  it("refuses JSON nested deeper than 32 and larger than 256 KiB, at once", async () => {
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 1_000; i++) deep = { a: deep };
    for (const [query, variables] of [
      ["query($m: JSONObject) { connectors(filter: { metadata: $m }) { totalCount } }", { m: deep }],
      ['mutation($m: JSONObject) { createConnector(input: { presetSlug: "github", metadata: $m }) { __typename } }', { m: deep }],
      ['mutation($m: JSONObject) { createConnector(input: { presetSlug: "github", configuration: $m }) { __typename } }', { m: { big: "x".repeat(300_000) } }],
    ] as const) {
      const res = await client.raw(query, variables);
      expect(res.status).toBeLessThan(500);
      expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(res.errors?.[0]?.message).toMatch(/JSONObject must be (nested at most 32 deep|at most 262144 bytes)/);
    }
    // under the scalar's bound, the argument's own: the mutation's ValidationError
    const configuration = await client.raw(
      'mutation($m: JSONObject) { createConnector(input: { presetSlug: "github", configuration: $m }) { __typename } }',
      { m: { big: "x".repeat(70_000) } },
    );
    expect(configuration.data.createConnector.__typename).toBe("ValidationError");
    let literal = "1";
    for (let i = 0; i < 40; i++) literal = `{a: ${literal}}`;
    const res = await client.raw(`{ connectors(filter: { metadata: ${literal} }) { totalCount } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    let ok: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 30; i++) ok = { a: ok };
    expect((await client.raw("query($m: JSONObject) { connectors(filter: { metadata: $m }) { totalCount } }", { m: ok })).data).toEqual({ connectors: { totalCount: 0 } });
  });

  it('refuses metadata with a "__proto__", "constructor" or "prototype" key, and keeps the metadata there was', async () => {
    const created = await client.raw('mutation { createConnector(input: { presetSlug: "github", metadata: { team: "a" } }) { ... on CreateConnectorSuccess { connector { id } } } }');
    const id = created.data.createConnector.connector.id;
    for (const key of ["__proto__", "constructor", "prototype"]) {
      // JSON.parse makes "__proto__" an own key, as the server's body parser does
      const metadata = JSON.parse(`{"${key}": {"polluted": true}, "team": "b"}`);
      const update = await client.raw(
        "mutation($id: ID!, $m: JSONObject) { updateConnector(input: { id: $id, metadata: $m }) { __typename ... on ValidationError { fieldErrors { path message } } } }",
        { id, m: metadata },
      );
      expect(update.data.updateConnector).toEqual({ __typename: "ValidationError", fieldErrors: [{ path: ["input", "metadata"], message: `must not have the key "${key}"` }] });
      const create = await client.raw(
        'mutation($m: JSONObject) { createConnector(input: { presetSlug: "github", metadata: $m }) { __typename } }',
        { m: { nested: metadata } },
      );
      expect(create.data.createConnector.__typename).toBe("ValidationError");
      const filter = await client.raw("query($m: JSONObject) { connectors(filter: { metadata: $m }) { totalCount } }", { m: metadata });
      expect(filter.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      const literal = await client.raw(`{ connectors(filter: { metadata: { ${key}: 1 } }) { totalCount } }`);
      expect(literal.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
    expect((await prisma.connector.findUniqueOrThrow({ where: { id } })).metadata).toEqual({ team: "a" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
