/**
 * Statements per operation, from operations made one at a time: the fewest of `batches` batches of
 * `size`, each after a warming operation, so that what falls due now and then (the API key's lookup
 * once a second, the viewer cache's lifetime) does not count against the batch it lands in.
 * `settleMs` waits before each reading for work an operation finishes after its answer.
 */
export async function statementsPer(
  operation: (i: number) => Promise<unknown>,
  statements: () => Promise<number>,
  { batches = 4, size = 5, settleMs = 0 }: { batches?: number; size?: number; settleMs?: number } = {},
): Promise<number> {
  const settle = () => (settleMs ? new Promise((r) => setTimeout(r, settleMs)) : Promise.resolve());
  let fewest = Infinity;
  for (let b = 0; b < batches; b++) {
    await operation(-1);
    await settle();
    const before = await statements();
    for (let i = 0; i < size; i++) await operation(b * size + i);
    await settle();
    fewest = Math.min(fewest, ((await statements()) - before) / size);
  }
  return fewest;
}
