import type { FieldError } from "../errors.js";

/**
 * The bounds every argument value meets, whatever its type: strings PostgreSQL can store (no NUL, no
 * lone surrogate), objects that cannot reach a prototype, and sizes a request cannot make the server
 * pay for. Arguments with tighter bounds (names, secrets, filters, metadata) check those as well.
 */
export const INPUT_LIMITS = {
  /** nesting of lists and objects from the argument down: a JSONObject's 32 levels inside an input's few */
  maxDepth: 40,
  /** characters in any one string */
  maxStringLength: 65_536,
  /** items in any one list */
  maxListLength: 1_000,
  /** keys in any one object */
  maxKeys: 1_000,
};

/** Keys that JavaScript treats as the object's prototype machinery (merging them would pollute or wipe it). */
export const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored, or null: PostgreSQL refuses NUL in text and lone surrogates in UTF-8. */
export function badText(value: string): string | null {
  if (value.includes("\u0000")) return "must not contain a NUL character";
  if (LONE_SURROGATE.test(value)) return "must not contain a lone surrogate (invalid Unicode)";
  return null;
}

/** Every problem of `value` at `path`, walked without recursion so depth cannot overflow the stack. */
export function inputProblems(value: unknown, path: string[], limits = INPUT_LIMITS): FieldError[] {
  const problems: FieldError[] = [];
  const stack: [unknown, string[], number][] = [[value, path, 0]];
  while (stack.length && problems.length < 10) {
    const [v, at, depth] = stack.pop()!;
    if (typeof v === "string") {
      const why = badText(v) ?? (v.length > limits.maxStringLength ? `must be at most ${limits.maxStringLength} characters` : null);
      if (why) problems.push({ path: at, message: why });
      continue;
    }
    if (v === null || typeof v !== "object" || v instanceof Date) continue;
    if (depth >= limits.maxDepth) {
      problems.push({ path: at, message: `must be nested at most ${limits.maxDepth} deep` });
      continue;
    }
    if (Array.isArray(v)) {
      if (v.length > limits.maxListLength) problems.push({ path: at, message: `must have at most ${limits.maxListLength} items` });
      else v.forEach((item, i) => stack.push([item, [...at, String(i)], depth + 1]));
      continue;
    }
    const keys = Object.keys(v);
    if (keys.length > limits.maxKeys) {
      problems.push({ path: at, message: `must have at most ${limits.maxKeys} keys` });
      continue;
    }
    for (const key of keys) {
      const why = FORBIDDEN_KEYS.has(key) ? `must not have the key "${key}"` : badText(key) && `has a key that ${badText(key)}`;
      if (why) problems.push({ path: at, message: why });
      else stack.push([(v as Record<string, unknown>)[key], [...at, key], depth + 1]);
    }
  }
  return problems;
}
