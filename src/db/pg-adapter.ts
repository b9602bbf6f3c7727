import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { type Adapter, wrapTransactions } from "./transactions.js";

/**
 * Prisma 6.19's transaction manager sends COMMIT (or ROLLBACK) as a query of the pg adapter's
 * transaction and only afterwards calls commit()/rollback(), which give the connection back to the
 * pool. When that query fails the second call never comes: the connection is lost to the pool for
 * good (a few failed commits exhaust it; pool.end() waits forever). Give it back either way.
 */
export function pgAdapter(pool: pg.Pool): PrismaPg {
  const factory = new PrismaPg(pool);
  wrapTransactions(factory as unknown as { connect(): Promise<Adapter> }, (tx) => {
    const executeRaw = tx.executeRaw.bind(tx);
    tx.executeRaw = async (query) => {
      try {
        return await executeRaw(query);
      } catch (err) {
        if (query.sql === "COMMIT" || query.sql === "ROLLBACK") await tx.rollback(); // releases, sends nothing
        throw err;
      }
    };
  });
  return factory;
}
