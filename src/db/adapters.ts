import type { PGlite, Transaction as PGliteTransaction } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

/**
 * The Prisma driver adapters, each corrected where a COMMIT that fails (a deferred constraint, a
 * dropped connection) would otherwise go wrong. Nothing in the schema defers a constraint today, but
 * "publish only after commit" is only as good as knowing that the commit failed.
 */

type Adapter = Awaited<ReturnType<PrismaPGlite["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

function wrapTransactions(factory: { connect(): Promise<Adapter> }, wrap: (tx: Transaction) => void): void {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const tx = await start(isolationLevel);
      wrap(tx);
      return tx;
    };
    return adapter;
  };
}

/**
 * pglite-prisma-adapter (0.6.1, and 0.7.2 alike) catches the rejection of PGlite's transaction() and
 * drops it, so a failed COMMIT looks committed: the caller reports success and publishes events for
 * a change that was rolled back (the bug of prisma/orm#29138 in the PlanetScale adapter). The
 * failure is kept here, by the PGlite transaction it belongs to, and thrown from commit().
 */
export function pgliteAdapter(db: PGlite): PrismaPGlite {
  const failed = new WeakMap<PGliteTransaction, unknown>();
  // the adapter uses exactly these three of PGlite
  const client = {
    query: db.query.bind(db),
    exec: db.exec.bind(db),
    transaction<T>(callback: (tx: PGliteTransaction) => Promise<T>): Promise<T> {
      let inner: PGliteTransaction | null = null;
      const done = db.transaction((tx) => callback((inner = tx)));
      // registered before the adapter's own catch, so it is recorded by the time commit() returns
      done.catch((err) => inner && failed.set(inner, err));
      return done;
    },
  };
  const factory = new PrismaPGlite(client as unknown as PGlite);
  wrapTransactions(factory, (tx) => {
    const commit = tx.commit.bind(tx);
    tx.commit = async () => {
      await commit();
      const err = failed.get((tx as unknown as { client: PGliteTransaction }).client);
      if (err) throw err;
    };
  });
  return factory;
}

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
