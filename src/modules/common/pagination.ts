import { GraphQLError } from "graphql";
import { type IdPrefix, isIdOf } from "../../db/ids.js";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../../validation/page-size.js";

/**
 * Connection size rule for every list: 20 by default, at most 100. Pothos clamps an oversized page
 * silently; asking for 500 and getting 100 looks like "there are only 100", so it is an error here.
 */
export function maxPageSize(args: { first?: number | null; last?: number | null }): number {
  for (const name of ["first", "last"] as const) {
    const n = args[name];
    if (n != null && n > MAX_PAGE_SIZE) {
      throw new GraphQLError(`"${name}" may be at most ${MAX_PAGE_SIZE} (got ${n}); page with "after"/"before"`, {
        extensions: { code: "BAD_USER_INPUT", argument: name, max: MAX_PAGE_SIZE },
      });
    }
  }
  return MAX_PAGE_SIZE;
}


const invalidCursor = (argument: string) =>
  new GraphQLError("invalid cursor", { extensions: { code: "BAD_USER_INPUT", argument } });

/**
 * The id a connection's `after` or `before` names, or null without one. A cursor is what the
 * connection handed out: base64 of Pothos's "GPC:S:<id>" with an id of the connection's type.
 * Anything else (a number, a date, another type's id, garbage) is refused as "invalid cursor" instead
 * of reaching Prisma, where a non-string key was an internal error.
 */
export function cursorId(args: { after?: string | null; before?: string | null }, prefix: IdPrefix): string | null {
  for (const name of ["after", "before"] as const) {
    const cursor = args[name];
    if (cursor == null) continue;
    const decoded = /^[A-Za-z0-9+/_-]*={0,2}$/.test(cursor) ? Buffer.from(cursor, "base64").toString("utf8") : "";
    const id = decoded.startsWith("GPC:S:") ? decoded.slice(6) : "";
    if (!isIdOf(prefix, id)) throw invalidCursor(name);
    return id;
  }
  return null;
}

/** The page options of a connection of `prefix` ids: the size rule, and cursors checked first. */
export function pageOptionsOf(prefix: IdPrefix) {
  return {
    maxSize: (args: { first?: number | null; last?: number | null; after?: string | null; before?: string | null }) => {
      cursorId(args, prefix);
      return maxPageSize(args);
    },
    defaultSize: DEFAULT_PAGE_SIZE,
  };
}

/**
 * Prisma positions a page after the cursor's row wherever that row is, so a cursor made from another
 * organization's id paged through one's own rows from that row's place, while a made-up id returned
 * nothing: an oracle. A cursor counts only when it names a row the viewer can see (`visible`);
 * otherwise the page is empty, exactly as for an id that does not exist.
 */
export async function pageAfterVisibleCursor<T>(
  query: { cursor?: { id?: unknown }; take?: number },
  visible: (id: string) => Promise<unknown>,
  load: () => Promise<T[]>,
  /** the connection field's info: given, a page that holds the whole list spares its count (countUnlessWhole) */
  info?: object,
): Promise<T[]> {
  const id = query.cursor?.id;
  if (typeof id === "string" && !(await visible(id))) return [];
  const rows = await load();
  // Pothos asks for one row more than the page: fewer, and no cursor, is the whole list
  if (info && !query.cursor && typeof query.take === "number" && rows.length < Math.abs(query.take)) wholeLists.set(info, rows.length);
  return rows;
}

/** the length of lists that one page held whole, by their connection field's info (one per request) */
const wholeLists = new WeakMap<object, number>();

/**
 * A connection's totalCount: the page's own length when the page held the whole list (recorded by
 * pageAfterVisibleCursor, which has run by then), else `count`. A first page shorter than its size
 * (a search with few matches or none) then costs one statement instead of two.
 */
export function countUnlessWhole(info: object, count: () => Promise<number>): number | Promise<number> {
  return wholeLists.get(info) ?? count();
}
