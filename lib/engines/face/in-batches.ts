/**
 * Runs `work` over `items` a few at a time, in order. Models on the single-threaded wasm backend are
 * no faster on big batches, and a batch's activations grow WebAssembly memory, which never shrinks.
 */
export async function inBatches<T, R>(items: readonly T[], size: number, work: (batch: readonly T[]) => Promise<R[]>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) results.push(...(await work(items.slice(start, start + size))));
  return results;
}
