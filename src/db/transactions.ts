import type { PrismaPGlite } from "pglite-prisma-adapter";

/**
 * What the two driver adapters' corrections (pg-adapter.ts, pglite-adapter.ts) share: a hook on every
 * transaction they start. Each is corrected where a COMMIT that fails (a deferred constraint, a
 * dropped connection) would otherwise go wrong. Nothing in the schema defers a constraint today, but
 * "publish only after commit" is only as good as knowing that the commit failed.
 */

export type Adapter = Awaited<ReturnType<PrismaPGlite["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

export function wrapTransactions(factory: { connect(): Promise<Adapter> }, wrap: (tx: Transaction) => void): void {
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
