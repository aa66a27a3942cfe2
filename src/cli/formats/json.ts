import { keyKindName } from '../../views/cloudNames';
import { describeWarning } from '../../operations/keyHealth';
import { STATUS_LABELS } from '../../webview/shared/statusLabels';
import { countByStatus, failingEntries } from '../audit/auditReport';
import type { AuditFormatter } from './auditFormatter';

/** Version of the JSON document's shape; raised when a field changes meaning or goes away. */
export const AUDIT_JSON_SCHEMA_VERSION = 1;

/**
 * One JSON document: the policy, a summary, every key (the Key Age Overview's row, with the kind
 * and status in words and what is wrong), and the problems. Dates are ISO 8601; no secret.
 */
export const jsonFormat: AuditFormatter = (report, { version }) => {
  const document = {
    schemaVersion: AUDIT_JSON_SCHEMA_VERSION,
    tool: { name: 'cloud-keys', version },
    generatedAt: report.generatedAt.toISOString(),
    policy: { maxAgeDays: report.policy.maxAgeDays, expiryWarningDays: report.policy.expiryWarningDays },
    summary: {
      accounts: report.accounts.length,
      keys: report.entries.length,
      failing: failingEntries(report).length,
      byStatus: countByStatus(report),
      complete: report.problems.length === 0,
    },
    keys: report.entries.map(({ row, warnings }) => ({
      ...row,
      kindName: keyKindName(row.cloud, row.kind),
      statusLabel: STATUS_LABELS[row.status],
      findings: warnings.map((warning) => `This key ${describeWarning(warning)}.`),
    })),
    problems: report.problems,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
};
