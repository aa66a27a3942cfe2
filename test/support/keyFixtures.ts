/** One OUTSCALE account, user and keys of chosen ages at a fixed time: the Key Age Overview's and the CLI's table tests. */
import type { AccessKey, Account, CloudUser } from '../../src/model/types';

export const DAY = 86_400_000;
export const now = Date.parse('2026-06-01T12:00:00Z');
export const policy = { maxAgeDays: 90, expiryWarningDays: 14 };
export const account: Account = { id: 'outscale:demo', cloud: 'outscale', label: 'demo', source: 'config', origin: { kind: 'manual' } };
export const user: CloudUser = { id: 'u1', accountId: account.id, name: 'alice', isCaller: false };

/** An active access key of `user`, created `ageDays` before `now` (no creation date when undefined). */
export function key(id: string, ageDays: number | undefined, extra: Partial<AccessKey> = {}): AccessKey {
  return {
    id,
    accountId: account.id,
    userId: user.id,
    kind: 'access-key',
    state: 'active',
    ...(ageDays === undefined ? {} : { createdAt: new Date(now - ageDays * DAY) }),
    ...extra,
  };
}
