import { shortKeyId } from '../../views/cloudNames';
import { formatDay } from '../../util/formatDate';
import { STATUS_LABELS } from '../../webview/shared/statusLabels';
import type { KeyRow } from '../../webview/protocol';
import { countByStatus, failingEntries, type AuditReport } from '../audit/auditReport';
import type { AuditFormatter } from './auditFormatter';

const COLUMNS: readonly [string, (row: KeyRow) => string][] = [
  ['CLOUD', (r) => r.cloudName],
  ['ACCOUNT', (r) => r.account],
  ['USER', (r) => r.user],
  ['KEY', (r) => (r.name === r.keyId ? shortKeyId(r.cloud, r.keyId) : r.name)],
  ['STATE', (r) => r.state],
  ['AGE', (r) => (r.ageDays === null ? '?' : `${r.ageDays} d`)],
  ['EXPIRES', (r) => formatDay(r.expiresAt, '-')],
  ['POLICY', (r) => STATUS_LABELS[r.status]],
];

/** Widest a cell may be before it is cut with "…". */
const MAX_CELL = 32;

function cut(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > MAX_CELL ? `${flat.slice(0, MAX_CELL - 1)}…` : flat;
}

function summary(report: AuditReport): string {
  const counts = countByStatus(report);
  const parts = (Object.keys(counts) as (keyof typeof counts)[])
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${STATUS_LABELS[s]}`);
  const failing = failingEntries(report).length;
  const { maxAgeDays, expiryWarningDays } = report.policy;
  return [
    `${report.entries.length} keys in ${report.accounts.length} accounts${parts.length ? `: ${parts.join(', ')}` : ''}.`,
    `Policy: rotate after ${maxAgeDays} days; warn ${expiryWarningDays} days before expiry. ${failing === 0 ? 'Every key meets it.' : `${failing} keys do not meet it.`}`,
    ...(report.problems.length ? [`Not read (${report.problems.length}): see the messages above; the list is incomplete.`] : []),
  ].join('\n');
}

/** Aligned columns for a person at a terminal, then a summary; long cells are cut. */
export const tableFormat: AuditFormatter = (report) => {
  const rows = report.entries.map(({ row }) => COLUMNS.map(([, value]) => cut(value(row))));
  const header = COLUMNS.map(([name]) => name);
  const widths = header.map((name, i) => Math.max(name.length, ...rows.map((cells) => cells[i].length)));
  const line = (cells: readonly string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ');
  const body = rows.length ? [line(header), ...rows.map(line)].join('\n') : 'No keys found.';
  return `${body}\n\n${summary(report)}\n`;
};
