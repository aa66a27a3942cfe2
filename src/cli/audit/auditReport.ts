import type { AccessKey, Account, CloudUser } from '../../model/types';
import { keyHealth, type KeyHealthPolicy, type KeyWarning } from '../../operations/keyHealth';
import type { AgeStatus, KeyRow } from '../../webview/protocol';
import { toKeyRow } from '../../webview/shared/keyView';
import { EXIT, worstExit, type ExitCode } from '../exitCodes';

/** One audited key: the Key Age Overview's row, and what the policy says is wrong with it. */
export interface AuditEntry {
  readonly row: KeyRow;
  readonly warnings: readonly KeyWarning[];
}

/** Something that kept the audit from being complete, in words with no secret. */
export interface AuditProblem {
  /** `config`: a config file, profile or variable (exit 2); `cloud`: an account or user not read (exit 3). */
  readonly kind: 'config' | 'cloud';
  readonly message: string;
}

export interface AuditReport {
  readonly generatedAt: Date;
  readonly policy: Pick<KeyHealthPolicy, 'maxAgeDays' | 'expiryWarningDays'>;
  readonly accounts: readonly Account[];
  readonly entries: readonly AuditEntry[];
  readonly problems: readonly AuditProblem[];
}

/** Statuses that break the policy: the audit exits 1 when a key has one. */
export const FAILING_STATUSES: ReadonlySet<AgeStatus> = new Set(['old', 'expired', 'expiring']);

/** The entry of one key, judged by the policy at `now` (the extension's own rules, `keyHealth`). */
export function auditEntry(account: Account, user: CloudUser, key: AccessKey, policy: KeyHealthPolicy, now: number): AuditEntry {
  const row = toKeyRow(account, user, key, policy, now);
  return { row, warnings: row.status === 'inactive' ? [] : keyHealth(key, policy, now).warnings };
}

/** Sorted for people and diffs: by cloud, account, user, then key id. */
export function sortEntries(entries: readonly AuditEntry[]): AuditEntry[] {
  const key = ({ row }: AuditEntry) => [row.cloudName, row.account, row.user, row.keyId];
  return [...entries].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < x.length; i += 1) {
      const order = x[i].localeCompare(y[i]);
      if (order !== 0) return order;
    }
    return 0;
  });
}

export function failingEntries(report: AuditReport): AuditEntry[] {
  return report.entries.filter((entry) => FAILING_STATUSES.has(entry.row.status));
}

/** Keys per policy status, every status present. */
export function countByStatus(report: AuditReport): Record<AgeStatus, number> {
  const counts: Record<AgeStatus, number> = { ok: 0, old: 0, expiring: 0, expired: 0, inactive: 0, unknown: 0 };
  for (const { row } of report.entries) counts[row.status] += 1;
  return counts;
}

/** 0 all good, 1 policy broken, 2 a config problem, 3 something not read (see exitCodes.ts). */
export function auditExitCode(report: AuditReport): ExitCode {
  return worstExit([
    ...report.problems.map((p) => (p.kind === 'config' ? EXIT.usage : EXIT.unreadable)),
    failingEntries(report).length > 0 ? EXIT.policy : EXIT.ok,
  ]);
}
