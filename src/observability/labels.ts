/**
 * Label values that clients choose (operation names) are bounded: a name is cut to 64 characters,
 * one that is not a GraphQL name is "invalid", and past the first 200 distinct names every new one
 * is "other", so that no client can grow the series without end.
 */
const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;
const MAX_LENGTH = 64;
const MAX_NAMES = 200;

export function operationLabels(): (name: string | null | undefined) => string {
  const seen = new Set<string>();
  return (name) => {
    if (!name) return "anonymous";
    if (!NAME.test(name)) return "invalid";
    const label = name.slice(0, MAX_LENGTH);
    if (seen.has(label)) return label;
    if (seen.size >= MAX_NAMES) return "other";
    seen.add(label);
    return label;
  };
}

/** An error code as a label: codes are the server's own, but one from elsewhere must not be huge. */
export const codeLabel = (code: unknown): string =>
  typeof code === "string" && /^[A-Z0-9_]{1,40}$/.test(code) ? code : "OTHER";
