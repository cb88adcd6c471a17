/**
 * Runs `work` over `items` a few at a time, in order, passing a checkpoint between batches (which
 * throws once the check is stopped). Models on the single-threaded wasm backend are no faster on
 * big batches, and a batch's activations grow WebAssembly memory, which never shrinks.
 */
export async function inBatches<T, R>(items: readonly T[], size: number, checkpoint: () => Promise<void>, work: (batch: readonly T[]) => Promise<R[]>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    await checkpoint();
    results.push(...(await work(items.slice(start, start + size))));
  }
  return results;
}
