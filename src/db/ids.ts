import { randomBytes } from "node:crypto";

/** The prefixes of Plugboard's ids, and the Node type each one names. */
export const ID_PREFIXES = {
  org: "Organization",
  user: "User",
  key: "ApiKey",
  pset: "Preset",
  tool: "Tool",
  conn: "Connector",
  pconf: "PersonalConfiguration",
  evt: "ConnectorEvent",
  oauth: "OAuthAuthorization",
  call: "ToolCall",
} as const;
export type IdPrefix = keyof typeof ID_PREFIXES;

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford base32, lowercase
const ID_RE = /^([a-z]+)_([0-9a-hjkmnp-tv-z]{24})$/;

/** `prefix_` + 10 characters of milliseconds + 14 random: sortable by creation time, unguessable. */
export function newId(prefix: IdPrefix, now = Date.now()): string {
  let time = "";
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = randomBytes(14);
  let rand = "";
  for (const b of bytes) rand += ALPHABET[b % 32];
  return `${prefix}_${time}${rand}`;
}

/** The prefix of a well-formed id, or null for anything else. */
export function idPrefix(id: string): IdPrefix | null {
  const m = ID_RE.exec(id);
  if (!m || !(m[1] in ID_PREFIXES)) return null;
  return m[1] as IdPrefix;
}

export function isIdOf(prefix: IdPrefix, id: string): boolean {
  return idPrefix(id) === prefix;
}
