import type { AccessKey, CloudId } from '../model/types';
import { keyHealth, type KeyHealthPolicy } from './keyHealth';

export { forCloud } from './keyHealth';

export interface KeyAlert {
  readonly cloud: CloudId;
  readonly accountLabel: string;
  /** The name of the key's user, where known. */
  readonly userName?: string;
  readonly key: AccessKey;
  /** 'overdue': older than the maximum age or expired; 'expiring': within the warning window. */
  readonly level: 'overdue' | 'expiring';
  readonly reason: string;
}

export interface AlertSummary {
  readonly overdue: number;
  readonly expiring: number;
  readonly alerts: readonly KeyAlert[];
}

/** Counts the keys that are overdue (too old, or expired) or expiring, each under its cloud's policy. */
export function summarizeAlerts(
  loaded: readonly {
    readonly cloud: CloudId;
    readonly accountLabel: string;
    readonly userName?: string;
    readonly keys: readonly AccessKey[];
  }[],
  policy: (cloud: CloudId) => KeyHealthPolicy,
  now: number,
): AlertSummary {
  const alerts: KeyAlert[] = [];
  for (const group of loaded) {
    const p = policy(group.cloud);
    for (const key of group.keys) {
      const { warnings } = keyHealth(key, p, now);
      const overdue = warnings.find((w) => w.kind === 'old' || w.kind === 'expired');
      const expiring = warnings.find((w) => w.kind === 'expiring');
      if (overdue) {
        const reason =
          overdue.kind === 'old' ? `${overdue.ageDays} days old (maximum ${overdue.maxAgeDays})` : `expired ${overdue.daysAgo} days ago`;
        alerts.push({ cloud: group.cloud, accountLabel: group.accountLabel, userName: group.userName, key, level: 'overdue', reason });
      } else if (expiring) {
        const reason =
          expiring.daysLeft === 0 ? 'expires today' : `expires in ${expiring.daysLeft} day${expiring.daysLeft === 1 ? '' : 's'}`;
        alerts.push({ cloud: group.cloud, accountLabel: group.accountLabel, userName: group.userName, key, level: 'expiring', reason });
      }
    }
  }
  alerts.sort((a, b) => (a.level === b.level ? 0 : a.level === 'overdue' ? -1 : 1));
  return {
    overdue: alerts.filter((a) => a.level === 'overdue').length,
    expiring: alerts.filter((a) => a.level === 'expiring').length,
    alerts,
  };
}

/** The default expiry of a new OUTSCALE key, when `cloudKeys.outscale.defaultKeyExpiryDays` asks for one. */
export function defaultExpiry(days: number | undefined, now: number): Date | undefined {
  return days && days > 0 ? new Date(now + days * 86_400_000) : undefined;
}
