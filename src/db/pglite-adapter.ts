import type { PGlite, Transaction as PGliteTransaction } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { wrapTransactions } from "./transactions.js";

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
