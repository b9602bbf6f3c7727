import {
  getNamedType,
  parse,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from "graphql";
import { describe, expect, it } from "vitest";
import { type IdPrefix, newId } from "../../src/db/ids.js";
import { schema } from "../../src/schema.js";
import { connector, connectorEvent, personalConfiguration, team } from "../helpers/fixtures.js";
import { prisma } from "../helpers/database.js";
import { startServer } from "../helpers/server.js";
import { closeAll, subscribeWs, wsClient } from "../helpers/subscriptions.js";

/** A value for a required argument or input field that is not the id under test. */
function filler(type: GraphQLInputType, id: string, name: string): unknown {
  if (isNonNullType(type)) return filler(type.ofType, id, name);
  if (isListType(type)) return name === "ids" ? [id] : [];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) {
      if (f.name === "id" || f.name === "connectorId" || isNonNullType(f.type)) out[f.name] = f.name === "id" || f.name === "connectorId" ? id : filler(f.type, id, f.name);
    }
    return out;
  }
  if (isScalarType(type)) {
    if (name === "id" || name === "connectorId" || type.name === "ID") return id;
    return { Int: 1, Float: 1, Boolean: false, JSONObject: {}, DateTime: new Date(0).toISOString() }[type.name] ?? "x";
  }
  return null;
}

/** Which kind of object a root field is about, from its name. */
function kindOf(field: string): IdPrefix[] {
  if (/^nodes?$/.test(field)) return ["conn", "pconf", "evt", "key", "user", "hook"];
  if (/webhook/i.test(field)) return ["hook"];
  if (/personalConfiguration/i.test(field)) return ["pconf"];
  if (/apiKey/i.test(field)) return ["key"];
  if (/user/i.test(field)) return ["user"];
  return ["conn"];
}

const takesAnId = (f: GraphQLField<unknown, unknown>) =>
  f.args.some((a) => ["id", "ids", "connectorId"].includes(a.name) || (a.name === "input" && isInputObjectType(getNamedType(a.type)) && "id" in (getNamedType(a.type) as { getFields(): object }).getFields()));

function operation(kind: "query" | "mutation" | "subscription", f: GraphQLField<unknown, unknown>, id: string) {
  const args = f.args.filter((a: GraphQLArgument) => isNonNullType(a.type) || ["id", "ids", "connectorId"].includes(a.name));
  const variables = Object.fromEntries(args.map((a) => [a.name, filler(a.type, id, a.name)]));
  const defs = args.map((a) => `$${a.name}: ${a.type}`).join(", ");
  const call = args.map((a) => `${a.name}: $${a.name}`).join(", ");
  return { query: `${kind} Probe${defs ? `(${defs})` : ""} { ${f.name}${call ? `(${call})` : ""} { __typename } }`, variables };
}

/** The answer with the ids asked about made one: what is left must not tell them apart. */
const normalized = (value: unknown, ...ids: string[]) => ids.reduce((s, id) => s.split(id).join("<ID>"), JSON.stringify(value));

describe("isolation, generated from the schema: denied is indistinguishable from nonexistent", async () => {
  const server = await startServer();
  const a = await team();
  const b = await team();
  const objects: Record<string, string[]> = {
    conn: [(await connector(a.organizationId, { createdById: a.alice.userId })).id, (await connector(a.organizationId, { scope: "PERSONAL", createdById: a.alice.userId })).id],
    pconf: [(await personalConfiguration(a.organizationId, { userId: a.alice.userId })).id],
    key: [a.alice.keyId],
    user: [a.alice.userId!],
    hook: [],
  };
  objects.evt = [(await connectorEvent(await prisma.connector.findUniqueOrThrow({ where: { id: objects.conn[1] } }))).id];
  const alicesPersonal = [objects.conn[1], objects.pconf[0], objects.evt[0]];

  const roots = [
    ["query", schema.getQueryType()!],
    ["mutation", schema.getMutationType()!],
  ] as const;
  const probes = roots.flatMap(([kind, type]) => Object.values(type.getFields()).filter(takesAnId).map((f) => ({ kind, f })));

  it("covers every root field that takes an id", () => {
    if (process.env.SHOW_PROBES) console.log("PROBES", probes.map((p) => p.f.name).join(","));
    expect(probes.length).toBeGreaterThanOrEqual(20);
  });

  it("tells a visible object from a nonexistent one (the probes would see a leak)", async () => {
    const client = server.as(a.alice.key);
    for (const name of ["connector", "node", "updateConnector"]) {
      const probe = probes.find((p) => p.f.name === name)!;
      const fake = newId("conn");
      const [seen, none] = [operation(probe.kind, probe.f, objects.conn[0]), operation(probe.kind, probe.f, fake)];
      const [r1, r2] = [await client.raw(seen.query, seen.variables), await client.raw(none.query, none.variables)];
      expect(normalized(r1.data, objects.conn[0], fake), name).not.toBe(normalized(r2.data, objects.conn[0], fake));
    }
  });

  const cases: { who: string; key: string; ids: (prefix: IdPrefix) => string[] }[] = [
    { who: "another organization's ADMIN", key: b.alice.key, ids: (p) => objects[p] ?? [] },
    { who: "a MEMBER of the same organization, on another user's PERSONAL objects", key: a.bob.key, ids: (p) => (objects[p] ?? []).filter((id) => alicesPersonal.includes(id)) },
  ];
  for (const { who, key, ids } of cases) {
    it(`answers ${who} exactly as for an id that does not exist, on every query and mutation`, async () => {
      const client = server.as(key);
      const differences: string[] = [];
      const refused: string[] = [];
      for (const { kind, f } of probes) {
        for (const prefix of kindOf(f.name)) {
          for (const real of ids(prefix)) {
            const fake = newId(prefix);
            const [seen, none] = [operation(kind, f, real), operation(kind, f, fake)];
            const [r1, r2] = [await client.raw(seen.query, seen.variables), await client.raw(none.query, none.variables)];
            const [n1, n2] = [normalized({ status: r1.status, data: r1.data, errors: r1.errors }, real, fake), normalized({ status: r2.status, data: r2.data, errors: r2.errors }, real, fake)];
            if (n1 !== n2) differences.push(`${f.name}(${prefix}): ${n1.slice(0, 200)} vs ${n2.slice(0, 200)}`);
            if (process.env.SHOW_PROBES) console.log(f.name, prefix, n1.slice(0, 240));
            // a probe the schema refused proves nothing: each one must run
            if (r1.errors?.some((e) => ["GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT"].includes(String(e.extensions?.code)))) refused.push(f.name);
          }
        }
      }
      expect(differences).toEqual([]);
      expect(refused).toEqual([]);
    });
  }

  it("shows another organization none of these objects in any list query, and a MEMBER none of another user's PERSONAL ones", async () => {
    const lists = Object.values(schema.getQueryType()!.getFields()).filter((f) => !f.args.some((x) => isNonNullType(x.type)) && !takesAnId(f));
    expect(lists.length).toBeGreaterThanOrEqual(8);
    const everything = Object.values(objects).flat();
    const seen: string[] = [];
    for (const f of lists) {
      const named = getNamedType(f.type) as { name: string; getFields?: () => Record<string, unknown> };
      const fields = named.getFields?.() ?? {};
      const selection = "nodes" in fields ? "{ nodes { __typename ... on Node { id } } }" : "id" in fields ? "{ id }" : "{ __typename }";
      for (const [key, hidden] of [[b.alice.key, everything], [a.bob.key, alicesPersonal]] as const) {
        const r = await server.as(key).raw(`{ ${f.name} ${selection} }`);
        const text = JSON.stringify(r);
        // a list an ADMIN alone may read refuses a MEMBER outright: no ids either way
        for (const id of hidden) if (text.includes(id)) seen.push(`${f.name}: ${id}`);
      }
    }
    expect(seen).toEqual([]);
    // the control: their owner does see them in the same lists
    expect(JSON.stringify(await server.as(a.alice.key).raw("{ connectors { nodes { id } } }"))).toContain(objects.conn[1]);
  });

  it("answers the MCP gateway for another organization's connector exactly as for a nonexistent one", async () => {
    const initialize = async (id: string) => {
      const res = await fetch(`${server.url}/mcp/${id}`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream", authorization: `Bearer ${b.alice.key}` },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "x", version: "1" } } }),
      });
      return { status: res.status, body: await res.text() };
    };
    for (const real of objects.conn) {
      const fake = newId("conn");
      expect(normalized(await initialize(real), real, fake)).toBe(normalized(await initialize(fake), real, fake));
    }
  });

  it("answers no key and a revoked key 401 UNAUTHENTICATED on every probe, whatever the id", async () => {
    const revoked = await team();
    await prisma.apiKey.update({ where: { id: revoked.bob.keyId }, data: { revokedAt: new Date() } });
    const unexpected: string[] = [];
    for (const key of [null, revoked.bob.key]) {
      const client = server.as(key as string);
      for (const { kind, f } of probes) {
        const op = operation(kind, f, objects[kindOf(f.name)[0]][0] ?? newId("conn"));
        const r = await client.raw(op.query, op.variables);
        if (r.status !== 401 || r.errors?.[0]?.extensions?.code !== "UNAUTHENTICATED" || r.data) unexpected.push(`${key ? "revoked" : "none"} ${f.name}: ${r.status}`);
      }
    }
    expect(unexpected).toEqual([]);
  });

  it("answers a MEMBER's writes to a TEAM connector ForbiddenError, and changes nothing", async () => {
    const team = objects.conn[0];
    const before = await prisma.connector.findUniqueOrThrow({ where: { id: team } });
    const writes = probes.filter((p) => p.kind === "mutation" && kindOf(p.f.name)[0] === "conn");
    const answers: string[] = [];
    for (const { kind, f } of writes) {
      const op = operation(kind, f, team);
      const r = await server.as(a.bob.key).raw(op.query, op.variables);
      answers.push(`${f.name}: ${r.data?.[f.name]?.__typename}`);
    }
    expect(answers).toEqual(writes.map(({ f }) => `${f.name}: ForbiddenError`));
    expect(await prisma.connector.findUniqueOrThrow({ where: { id: team } })).toEqual(before);
  });

  it("answers subscriptions to another organization's objects over graphql-ws as for nonexistent ones", async () => {
    const fields = Object.values(schema.getSubscriptionType()!.getFields()).filter((f) => f.args.some((x) => x.name === "id"));
    const differences: string[] = [];
    for (const f of fields) {
      for (const real of objects[kindOf(f.name)[0]]) {
        const outcome = async (id: string) => {
          const op = operation("subscription", f, id);
          const sub = subscribeWs(wsClient(server.url, b.alice.key), parse(op.query) as never, op.variables as never);
          try {
            return normalized(await sub.result(3_000).catch((e: Error) => e.message), real, id);
          } finally {
            sub.dispose();
          }
        };
        const fake = newId(kindOf(f.name)[0]);
        const [n1, n2] = [await outcome(real), await outcome(fake)];
        if (n1.split(fake).join("<ID>") !== n2.split(fake).join("<ID>")) differences.push(`${f.name}: ${n1} vs ${n2}`);
      }
    }
    closeAll();
    expect(differences).toEqual([]);
  });
});
