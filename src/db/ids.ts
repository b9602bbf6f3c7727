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
  audit: "AuditEvent",
  hook: "Webhook",
  whd: "WebhookDelivery",
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

/**
 * The prefixes of ids that are derived from another object's id, for the object types that are a
 * view of that object rather than a Node. Relay keys its store by `id` alone, so a view must not
 * reuse the id of what it shows: `cws_X` is the catalog entry of preset `pset_X`, `csrv_X` the
 * install of connector `conn_X`, `nf_<id>` the NotFoundError of a lookup of `<id>`.
 */
export const DERIVED_ID_PREFIXES = {
  cws: "ConnectorWithStatus",
  csrv: "ConnectorServer",
  nf: "NotFoundError",
} as const;
export type DerivedIdPrefix = keyof typeof DERIVED_ID_PREFIXES;

/** The stable id of the `prefix` view of the object `id` (its random part kept when it is well-formed). */
export function derivedId(prefix: DerivedIdPrefix, id: string): string {
  const m = ID_RE.exec(id);
  return prefix !== "nf" && m ? `${prefix}_${m[2]}` : `${prefix}_${id}`;
}
