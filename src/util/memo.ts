/**
 * `build()` run on the first call, its result kept for every later one. For what activation need
 * not pay for, such as zod schemas: building one costs time at module load.
 */
export function memo<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
