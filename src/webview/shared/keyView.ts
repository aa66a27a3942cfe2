import { keyHealth, type KeyHealthPolicy } from '../../operations/keyHealth';
import type { AccessKey, Account, CloudUser } from '../../model/types';
import { CLOUD_NAMES, keyKindName } from '../../views/cloudNames';
import type { AgeStatus, KeyRow, KeyView } from '../protocol';

/** A key as a page may see it: its public attributes, dates as ISO strings, never a secret. */
export function toKeyView(key: AccessKey, account: Account): KeyView {
  return {
    id: key.id,
    accountId: key.accountId,
    userId: key.userId,
    kind: key.kind,
    kindName: keyKindName(account.cloud, key.kind),
    state: key.state,
    ...(key.displayName ? { displayName: key.displayName } : {}),
    ...(key.createdAt ? { createdAt: key.createdAt.toISOString() } : {}),
    ...(key.expiresAt ? { expiresAt: key.expiresAt.toISOString() } : {}),
    ...(key.lastUsedAt ? { lastUsedAt: key.lastUsedAt.toISOString() } : {}),
    ...(key.fingerprint ? { fingerprint: key.fingerprint } : {}),
  };
}

/** One status per key for the chart's colours: the worst of its policy warnings. */
export function ageStatus(key: AccessKey, policy: KeyHealthPolicy, now: number): AgeStatus {
  if (key.state === 'inactive') return 'inactive';
  const health = keyHealth(key, policy, now);
  if (health.warnings.some((w) => w.kind === 'expired')) return 'expired';
  if (health.warnings.some((w) => w.kind === 'old')) return 'old';
  if (health.warnings.some((w) => w.kind === 'expiring')) return 'expiring';
  return health.ageDays === undefined ? 'unknown' : 'ok';
}

/** A row of the Key Age Overview's table. */
export function toKeyRow(account: Account, user: CloudUser, key: AccessKey, policy: KeyHealthPolicy, now: number): KeyRow {
  const health = keyHealth(key, policy, now);
  return {
    cloud: account.cloud,
    cloudName: CLOUD_NAMES[account.cloud],
    accountId: account.id,
    account: account.label,
    userId: user.id,
    user: user.name,
    keyId: key.id,
    kind: key.kind,
    name: key.displayName || key.fingerprint || key.id,
    state: key.state,
    ageDays: health.ageDays ?? null,
    createdAt: key.createdAt?.toISOString() ?? '',
    expiresAt: key.expiresAt?.toISOString() ?? '',
    status: ageStatus(key, policy, now),
  };
}
