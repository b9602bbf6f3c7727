/**
 * A case-insensitive substring condition. Prisma passes `contains` to LIKE without escaping it
 * (https://github.com/prisma/prisma/issues/19506), so `%` and `_` would act as wildcards.
 */
export function containsText(text: string) {
  return { contains: text.replace(/[\\%_]/g, "\\$&"), mode: "insensitive" as const };
}
