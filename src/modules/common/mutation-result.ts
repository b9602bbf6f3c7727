import type { DomainError } from "../../errors.js";

type ErrorClass = new (...args: never[]) => DomainError;

const capitalized = (field: string) => field[0].toUpperCase() + field.slice(1);

/**
 * The `errors` option of a mutation in the contract's shape: `<Field>Success { <dataField> }` and the
 * listed errors in `<Field>Result`. Names come from the field so the twelve mutations cannot drift
 * from the contract's naming. `dataDescription` says what the success field holds.
 */
export function resultUnion(field: string, dataField: string, types: ErrorClass[], dataDescription = `the ${dataField} as ${field} left it`) {
  return {
    types,
    dataField: { name: dataField, description: dataDescription },
    result: { name: `${capitalized(field)}Success`, description: `The ${field} mutation succeeded` },
    union: { name: `${capitalized(field)}Result`, description: `What ${field} returns: the success or an expected error` },
  };
}

/** For success types declared by hand (several fields, or an id only): the union holds them directly. */
export function directResultUnion(field: string, types: ErrorClass[]) {
  return {
    types,
    directResult: true,
    union: { name: `${capitalized(field)}Result`, description: `What ${field} returns: the success or an expected error` },
  };
}

/**
 * The Prisma query a mutation's success payload asks for. A client that selects only `__typename`
 * of the result union leaves plugin-prisma with an empty `select`, which Prisma rejects; the id is
 * enough then.
 */
export function payloadQuery<Q extends { select?: object }>(query: Q): Q {
  return query.select && Object.keys(query.select).length === 0 ? { ...query, select: { id: true } } : query;
}

/**
 * Whether a payload's selection needs only the model's own columns, which the row a write returned
 * (UPDATE … RETURNING every column) already holds: then the mutation answers from it instead of
 * reading the row again. Any relation (plugin-prisma's `include`, or a nested `select`) needs a read.
 */
export function columnsOnly(query: { include?: object; select?: object }): boolean {
  if (query.include && Object.keys(query.include).length) return false;
  return !query.select || Object.values(query.select).every((v) => v === true);
}
