import { GraphQLError, Kind, type ValueNode } from "graphql";
import { builder } from "./builder.js";

const bad = (message: string) => new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });

builder.scalarType("DateTime", {
  description: "ISO 8601 date-time with milliseconds, in UTC: 2026-06-01T00:00:00.000Z",
  serialize: (v) => (v instanceof Date ? v : new Date(v)).toISOString(),
  parseValue: (v) => {
    const d = typeof v === "string" ? new Date(v) : null;
    if (!d || Number.isNaN(d.getTime()) || !/^\d{4}-\d\d-\d\dT/.test(v as string)) {
      throw bad("DateTime must be an ISO 8601 string such as 2026-06-01T00:00:00.000Z");
    }
    return d;
  },
});

/**
 * Bounds of every JSONObject argument: PostgreSQL's jsonb and Prisma's serializer recurse, and the
 * size bounds the work before any resolver runs. Each argument has its own tighter size too (metadata
 * 16 KiB, configuration 64 KiB), which a mutation reports as a ValidationError.
 */
export const JSON_MAX_DEPTH = 32;
export const JSON_MAX_BYTES = 256 * 1024;

/** The nesting of lists and objects in `v`, counted without recursion, stopping past `max`. */
function depthOf(v: unknown, max: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[v, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest > max) return deepest;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

function assertObject(v: unknown): Record<string, unknown> {
  if (v === null || typeof v !== "object" || Array.isArray(v)) throw bad("JSONObject must be a JSON object");
  return v as Record<string, unknown>;
}

/** An argument: an object within the bounds (what the server sends is not bounded here). */
function assertInputObject(v: unknown): Record<string, unknown> {
  assertObject(v);
  if (depthOf(v, JSON_MAX_DEPTH) > JSON_MAX_DEPTH) throw bad(`JSONObject must be nested at most ${JSON_MAX_DEPTH} deep`);
  if (Buffer.byteLength(JSON.stringify(v)) > JSON_MAX_BYTES) throw bad(`JSONObject must be at most ${JSON_MAX_BYTES} bytes as JSON`);
  return v as Record<string, unknown>;
}

function literal(ast: ValueNode, variables?: Record<string, unknown> | null): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map((v) => literal(v, variables));
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literal(f.value, variables)]));
    case Kind.VARIABLE:
      return variables?.[ast.name.value];
    default:
      throw bad("JSONObject must be a JSON object");
  }
}

builder.scalarType("JSONObject", {
  description: `A JSON object (never an array or a scalar): nested at most ${JSON_MAX_DEPTH} deep, at most ${JSON_MAX_BYTES} bytes as JSON, no key "__proto__", "constructor" or "prototype", no NUL character or lone surrogate in any key or string`,
  serialize: (v) => assertObject(v),
  parseValue: (v) => assertInputObject(v),
  parseLiteral: (ast, variables) => assertInputObject(literal(ast, variables)),
});

export function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === "http:" || u.protocol === "https:") && !!u.hostname;
  } catch {
    return false;
  }
}

builder.scalarType("URL", {
  description: "An absolute http(s) URL",
  serialize: (v) => String(v),
  parseValue: (v) => {
    if (typeof v !== "string" || !isHttpUrl(v)) throw bad(`URL must be an absolute http(s) URL`);
    return v;
  },
});
