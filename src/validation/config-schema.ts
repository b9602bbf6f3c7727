import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import type { FieldError } from "../errors.js";
import type { Preset } from "../generated/prisma/client.js";

// ajv-formats is CommonJS; under NodeNext its default import is typed as the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

// strict: false because catalog schemas are data, not code: an unknown keyword must not take the
// server down. addUsedSchema: false so a schema with an `$id` can be compiled again after it changes.
const ajv = addFormats(new Ajv({ allErrors: true, strict: false, addUsedSchema: false, logger: false }));

/** Compiled validators by preset id; a preset whose updatedAt moved is compiled again. */
const compiled = new Map<string, { updatedAt: number; validate: ValidateFunction }>();

type SchemaSource = Pick<Preset, "id" | "updatedAt" | "configSchema">;

function validatorOf(preset: SchemaSource): ValidateFunction | null {
  if (!preset.configSchema) return null;
  const updatedAt = preset.updatedAt.getTime();
  const cached = compiled.get(preset.id);
  if (cached?.updatedAt === updatedAt) return cached.validate;
  const validate = ajv.compile(preset.configSchema as object);
  compiled.set(preset.id, { updatedAt, validate });
  return validate;
}

/** Where an ajv error points: its instancePath, plus the property it is about when that is a key. */
function errorPath(error: ErrorObject): string[] {
  const parts = error.instancePath
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  const key = params.missingProperty ?? params.additionalProperty;
  return key === undefined ? parts : [...parts, key];
}

/** The problems of `configuration` under the preset's configSchema, each at `basePath + its path`. */
export function configurationProblems(preset: SchemaSource, configuration: Record<string, unknown>, basePath: string[]): FieldError[] {
  const validate = validatorOf(preset);
  if (!validate || validate(configuration)) return [];
  return (validate.errors ?? []).map((e) => ({
    path: [...basePath, ...errorPath(e)],
    message: e.keyword === "additionalProperties" ? "is not a known setting" : (e.message ?? "is invalid"),
  }));
}

/** Without a configuration, a connector counts as configured only when its schema requires nothing. */
export function configuredWithoutConfiguration(preset: Pick<Preset, "configSchema"> | null): boolean {
  const required = (preset?.configSchema as { required?: unknown } | null)?.required;
  return !Array.isArray(required) || required.length === 0;
}
