import pLimit from 'p-limit';

/** Bounds how many cloud calls run at once across the whole tree, so a big tenancy cannot flood an API. */
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

/** Cloud calls the tree runs at once, across every account (see README, Performance, for the figures behind it). */
export const CLOUD_CALL_CONCURRENCY = 12;

export function createLimiter(concurrency: number): Limiter {
  const limit = pLimit(concurrency);
  return (task) => limit(task);
}
