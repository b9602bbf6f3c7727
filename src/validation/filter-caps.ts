import type { FieldError } from "../errors.js";
import { throwIfInvalid } from "./input-rules.js";

/**
 * The bounds of every list filter (connectors, presets, personal configurations, available tools,
 * tool calls, and the connectorEvents subscription): a filter is a few conditions, and more made one
 * request cost seconds (10,000 metadata keys: 7.8 s; a 1 MB search: 4 s) or overflow PostgreSQL's
 * parameter limit. The schema's descriptions state them.
 */
export const FILTER_LIMITS = {
  /** characters of a string condition (search, toolName, presetSlug) */
  text: 200,
  /** values of a list condition (state, type, authType, healthStatus, outcome, connectorIds) */
  items: 100,
  /** keys of a metadata condition */
  metadataKeys: 16,
  /** bytes of a metadata condition as JSON */
  metadataBytes: 4_096,
};

/** Every condition of `filter` over its bound, as problems at filter.<field>. */
export function filterProblems(filter: object | null | undefined): FieldError[] {
  const problems: FieldError[] = [];
  for (const [key, value] of Object.entries(filter ?? {})) {
    const path = ["filter", key];
    if (typeof value === "string" && value.length > FILTER_LIMITS.text) {
      problems.push({ path, message: `must be at most ${FILTER_LIMITS.text} characters` });
    } else if (Array.isArray(value) && value.length > FILTER_LIMITS.items) {
      problems.push({ path, message: `must have at most ${FILTER_LIMITS.items} values` });
    } else if (Array.isArray(value)) {
      if (value.some((v) => typeof v === "string" && v.length > FILTER_LIMITS.text)) {
        problems.push({ path, message: `values must be at most ${FILTER_LIMITS.text} characters` });
      }
    } else if (value && typeof value === "object" && !(value instanceof Date)) {
      if (Object.keys(value).length > FILTER_LIMITS.metadataKeys) {
        problems.push({ path, message: `must have at most ${FILTER_LIMITS.metadataKeys} keys` });
      } else if (Buffer.byteLength(JSON.stringify(value)) > FILTER_LIMITS.metadataBytes) {
        problems.push({ path, message: `must be at most ${FILTER_LIMITS.metadataBytes} bytes as JSON` });
      }
    }
  }
  return problems;
}

/** Refuses a filter over its bounds with a ValidationError (BAD_USER_INPUT in a query). */
export function checkFilter(filter: object | null | undefined): void {
  throwIfInvalid(filterProblems(filter));
}
