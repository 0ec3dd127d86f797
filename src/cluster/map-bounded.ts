// Runs an async function over items with at most `limit` calls in flight,
// results in input order. `shouldStart` lets a caller stop launching new
// items (a spent time budget); items never started get `skipped(item)`.

export interface MapBoundedOptions<T, R> {
  limit: number;
  shouldStart?: () => boolean;
  skipped?: (item: T, index: number) => R;
}

export async function mapBounded<T, R>(
  items: readonly T[],
  fn: (item: T, index: number) => Promise<R>,
  { limit, shouldStart = () => true, skipped }: MapBoundedOptions<T, R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      const item = items[index] as T;
      if (!shouldStart() && skipped) results[index] = skipped(item, index);
      else results[index] = await fn(item, index);
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
  await Promise.all(workers);
  return results;
}
