import { type FieldError, ValidationError } from "../errors.js";

/**
 * Checks of plain input values. They return the problems instead of throwing, so one answer can list
 * every field that is wrong. Messages never repeat the value: it might be a secret.
 */

export const NAME_MAX = 200;
export const DESCRIPTION_MAX = 2_000;
export const SECRET_MAX = 8_192;

export function checkText(value: string | null | undefined, path: string[], max: number, required = false): FieldError[] {
  if (value == null) return required ? [{ path, message: "is required" }] : [];
  if (required && !value.trim()) return [{ path, message: "must not be empty" }];
  if (value.length > max) return [{ path, message: `must be at most ${max} characters` }];
  return [];
}

/** A secret is kept exactly as given (no trimming), but it must be there and of sane size. */
export function checkSecret(value: string, path: string[]): FieldError[] {
  if (!value) return [{ path, message: "must not be empty" }];
  if (value.length > SECRET_MAX) return [{ path, message: `must be at most ${SECRET_MAX} characters` }];
  return [];
}

export interface JsonLimits {
  maxBytes: number;
  maxKeys?: number;
}

/** metadata is free-form but stored on every row and filtered on, so it is bounded. */
export const METADATA_LIMITS: JsonLimits = { maxBytes: 16 * 1024, maxKeys: 64 };
export const CONFIGURATION_LIMITS: JsonLimits = { maxBytes: 64 * 1024 };

export function checkJsonObject(value: Record<string, unknown> | null | undefined, path: string[], limits: JsonLimits): FieldError[] {
  if (value == null) return [];
  const bytes = Buffer.byteLength(JSON.stringify(value), "utf8");
  if (bytes > limits.maxBytes) return [{ path, message: `must be at most ${limits.maxBytes} bytes as JSON (got ${bytes})` }];
  const keys = Object.keys(value).length;
  if (limits.maxKeys !== undefined && keys > limits.maxKeys) {
    return [{ path, message: `must have at most ${limits.maxKeys} keys (got ${keys})` }];
  }
  return [];
}

/** One ValidationError naming every problem (its message lists them for clients that read only it). */
export function invalid(problems: FieldError[]): ValidationError {
  const describe = (e: FieldError) => `${e.path.slice(1).join(".") || e.path.join(".")} ${e.message}`;
  return new ValidationError(`Invalid input: ${problems.map(describe).join("; ")}`, problems);
}

export function throwIfInvalid(problems: FieldError[]): void {
  if (problems.length) throw invalid(problems);
}
