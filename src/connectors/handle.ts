import type { Tx } from "../db/client.js";

/** The longest handle made from a name (a suffix may follow): tool names stay short on /mcp. */
export const HANDLE_MAX = 24;
/** Between a connector's handle and its tool's name on /mcp; a handle never holds it. */
export const HANDLE_SEPARATOR = "__";

/**
 * The handle a name suggests: lower-case letters and digits joined by single '-' (accents dropped),
 * at most HANDLE_MAX characters; "connector" when nothing is left. The migration that added handles
 * backfilled existing rows with the same rule in SQL (without the accent folding).
 */
export function handleBase(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, HANDLE_MAX)
    .replace(/-+$/, "");
  return base || "connector";
}

/** The first of base, base-2, base-3, … that no connector of the organization holds. */
export function firstFree(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * A handle for a new connector of the organization, unique there. Called inside the creating
 * transaction: the advisory lock (per organization, held to commit) keeps two creations from
 * picking the same one. A handle is never changed afterwards: agents' tool names depend on it.
 */
export async function newHandle(tx: Tx, organizationId: string, name: string): Promise<string> {
  await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(72707371, hashtext($1))", organizationId);
  const base = handleBase(name);
  const rows = await tx.connector.findMany({ where: { organizationId, handle: { startsWith: base } }, select: { handle: true } });
  return firstFree(base, new Set(rows.map((r) => r.handle)));
}

/** A name on /mcp split into the connector's handle and the tool's name, or null if it has no handle. */
export function splitPrefixed(name: string): { handle: string; tool: string } | null {
  const at = name.indexOf(HANDLE_SEPARATOR);
  if (at <= 0 || at + HANDLE_SEPARATOR.length >= name.length) return null;
  return { handle: name.slice(0, at), tool: name.slice(at + HANDLE_SEPARATOR.length) };
}

export const prefixed = (handle: string, tool: string) => `${handle}${HANDLE_SEPARATOR}${tool}`;
