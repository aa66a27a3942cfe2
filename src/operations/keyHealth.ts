import type { AccessKey, CloudId } from '../model/types';

const DAY_MS = 86_400_000;

export interface KeyHealthPolicy {
  /** Keys older than this many days are flagged (the CIS benchmark's 90-day rule by default). */
  readonly maxAgeDays: number;
  /** Keys expiring within this many days are flagged. */
  readonly expiryWarningDays: number;
  /** Per-cloud overrides (`cloudKeys.keys.perCloud`); see `forCloud`. */
  readonly perCloud?: Partial<Record<CloudId, Partial<Pick<KeyHealthPolicy, 'maxAgeDays' | 'expiryWarningDays'>>>>;
}

/** The policy for one cloud: its overrides over the general values. */
export function forCloud(policy: KeyHealthPolicy, cloud: CloudId): KeyHealthPolicy {
  const own = policy.perCloud?.[cloud];
  return { maxAgeDays: own?.maxAgeDays ?? policy.maxAgeDays, expiryWarningDays: own?.expiryWarningDays ?? policy.expiryWarningDays };
}

export const DEFAULT_KEY_HEALTH_POLICY: KeyHealthPolicy = { maxAgeDays: 90, expiryWarningDays: 14 };

export type KeyWarning =
  | { readonly kind: 'old'; readonly ageDays: number; readonly maxAgeDays: number }
  | { readonly kind: 'expiring'; readonly daysLeft: number }
  | { readonly kind: 'expired'; readonly daysAgo: number };

export interface KeyHealth {
  readonly ageDays?: number;
  /** Whole days until expiry; negative once expired. */
  readonly expiresInDays?: number;
  readonly warnings: readonly KeyWarning[];
}

/** Age and expiry of a key against the policy, at `now`. */
export function keyHealth(key: AccessKey, policy: KeyHealthPolicy, now: number): KeyHealth {
  const warnings: KeyWarning[] = [];
  const ageDays = key.createdAt ? Math.floor((now - key.createdAt.getTime()) / DAY_MS) : undefined;
  if (ageDays !== undefined && ageDays > policy.maxAgeDays && key.state !== 'inactive') {
    warnings.push({ kind: 'old', ageDays, maxAgeDays: policy.maxAgeDays });
  }
  let expiresInDays: number | undefined;
  if (key.expiresAt) {
    const msLeft = key.expiresAt.getTime() - now;
    expiresInDays = Math.floor(msLeft / DAY_MS);
    if (msLeft <= 0) warnings.push({ kind: 'expired', daysAgo: Math.floor(-msLeft / DAY_MS) });
    else if (expiresInDays < policy.expiryWarningDays) warnings.push({ kind: 'expiring', daysLeft: expiresInDays });
  }
  return { ageDays, expiresInDays, warnings };
}

/** "today", "1 day ago", "94 days ago": how long ago a key was created. */
export function describeAge(days: number): string {
  if (days <= 0) return 'today';
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

/** "expires today", "expires in 3 days", "expired 2 days ago". */
export function describeExpiry(key: AccessKey, now: number): string | undefined {
  if (!key.expiresAt) return undefined;
  const ms = key.expiresAt.getTime() - now;
  const days = Math.floor(Math.abs(ms) / DAY_MS);
  if (ms <= 0) return days === 0 ? 'expired today' : `expired ${describeAge(days)}`;
  if (days === 0) return 'expires today';
  return days === 1 ? 'expires in 1 day' : `expires in ${days} days`;
}

/** What is wrong, as the predicate of a sentence whose subject is the key: "This key " + it + ".". */
export function describeWarning(warning: KeyWarning): string {
  switch (warning.kind) {
    case 'old':
      return `is ${warning.ageDays} days old, past the ${warning.maxAgeDays}-day maximum: rotate it`;
    case 'expiring':
      return warning.daysLeft === 0 ? 'expires today' : `expires in ${warning.daysLeft} day${warning.daysLeft === 1 ? '' : 's'}`;
    case 'expired':
      return 'has expired';
  }
}
