import pLimit from 'p-limit';

/** Bounds how many cloud calls run at once across the whole tree, so a big tenancy cannot flood an API. */
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

export function createLimiter(concurrency: number): Limiter {
  const limit = pLimit(concurrency);
  return (task) => limit(task);
}
