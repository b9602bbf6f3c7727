import { GraphQLError } from "graphql";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

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

export const pageOptions = { maxSize: maxPageSize, defaultSize: DEFAULT_PAGE_SIZE };
