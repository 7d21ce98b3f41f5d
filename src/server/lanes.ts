// Work over a list with a bounded number of calls in flight (bulk loads, a month's card runs).

/** Runs `fn` over `items` with at most `n` at once, in order of the list; the first failure rejects. */
export async function lanes<T>(items: readonly T[], n: number, fn: (item: T, index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.max(1, Math.min(n, items.length)) }, async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i);
    }
  }));
}
