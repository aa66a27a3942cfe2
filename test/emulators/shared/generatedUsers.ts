/**
 * Users an emulator can add to its seed for benchmarks (the `generatedUsers` option): a large
 * tenancy with predictable names, `bench-user-0001` onwards, each holding one to three keys.
 */
export interface GeneratedUser {
  /** 1-based. */
  readonly index: number;
  /** `bench-user-0001`, … */
  readonly name: string;
  /** 1, 2 or 3, in turn. */
  readonly keyCount: number;
  /** How old the user is; its keys are younger. */
  readonly ageDays: number;
}

export function generatedUsers(count: number): GeneratedUser[] {
  if (!Number.isInteger(count) || count < 0) throw new Error(`generatedUsers must be a whole number ≥ 0, not ${count}`);
  return Array.from({ length: count }, (_, i) => ({
    index: i + 1,
    name: `bench-user-${String(i + 1).padStart(4, '0')}`,
    keyCount: 1 + (i % 3),
    ageDays: 30 + (i % 700),
  }));
}
