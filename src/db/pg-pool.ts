import pg from "pg";

const NAME_OID = 19;
const TEXT_OID = 25;

/**
 * A pg Client that reports `name` columns (oid 19) as `text` (oid 25). The Prisma CLI's WASM schema
 * engine reads the catalog through the driver adapter and rejects oid 19, so `migrate deploy` on real
 * PostgreSQL fails without this: https://github.com/prisma/orm/issues/27403
 */
class NameAsTextClient extends pg.Client {
  // pg's query() has a dozen overloads; this one only rewrites the result's field types
  override query(...args: any[]): any {
    const patch = (r: pg.QueryResult | undefined) => {
      for (const f of r?.fields ?? []) if (f.dataTypeID === NAME_OID) f.dataTypeID = TEXT_OID;
      return r;
    };
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const cb = args[last];
      args[last] = (err: Error, r: pg.QueryResult) => cb(err, patch(r));
    }
    const out = (super.query as (...a: unknown[]) => unknown)(...args);
    return out instanceof Promise ? out.then(patch) : out;
  }
}

export function createPool(
  url: string,
  options: { max?: number; forMigrations?: boolean; onIdleError?: (err: Error) => void } = {},
): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    ...(options.forMigrations ? { Client: NameAsTextClient } : {}),
  });
  // An idle connection that PostgreSQL ends (restart, failover, idle timeout) is an 'error' event on
  // the pool; unheard, it would crash the process. pg drops that client and the next query reconnects.
  pool.on("error", options.onIdleError ?? (() => {}));
  return pool;
}
