/**
 * The exit codes of `cloud-keys`, the same for every subcommand. When several apply, the highest
 * in this order wins: usage or configuration (2), then a cloud not read (3), then policy (1).
 */
export const EXIT = {
  /** Everything was read and every key meets the policy. */
  ok: 0,
  /** Some key does not meet the policy (too old, expired, or expiring within the warning days). */
  policy: 1,
  /** A bad flag or value, an unreadable or invalid config file, or no account to read. */
  usage: 2,
  /** A cloud, an account or a user's keys could not be read; what was read is still printed. */
  unreadable: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

const PRECEDENCE: readonly ExitCode[] = [EXIT.usage, EXIT.unreadable, EXIT.policy, EXIT.ok];

/** The code that wins among several outcomes of one run. */
export function worstExit(codes: readonly ExitCode[]): ExitCode {
  return PRECEDENCE.find((code) => codes.includes(code)) ?? EXIT.ok;
}

/** A mistake in how the command was called or configured: exit 2, its message naming what to change. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
