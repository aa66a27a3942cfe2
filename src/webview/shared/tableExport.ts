import { stringify } from 'csv-stringify/sync';
import { keyKindName } from '../../views/cloudNames';
import { isoForExport } from '../../util/formatDate';
import type { KeyRow } from '../protocol';
import { STATUS_LABELS } from './statusLabels';

/**
 * The columns of an audit export, in order: header and value, in the words the Overview shows; dates
 * in ISO 8601. The Key Age Overview's exports and `cloud-keys audit --format csv|markdown` write them.
 */
export const COLUMNS: readonly [string, (row: KeyRow) => string][] = [
  ['Cloud', (r) => r.cloudName],
  ['Account', (r) => r.account],
  ['User', (r) => r.user],
  ['Key', (r) => r.name],
  ['Key ID', (r) => r.keyId],
  ['Kind', (r) => keyKindName(r.cloud, r.kind)],
  ['State', (r) => r.state],
  ['Age (days)', (r) => (r.ageDays === null ? '' : String(r.ageDays))],
  ['Created', (r) => isoForExport(r.createdAt)],
  ['Expires', (r) => isoForExport(r.expiresAt)],
  ['Policy status', (r) => STATUS_LABELS[r.status]],
];

/**
 * RFC 4180 CSV with a header row and CRLF line ends, by csv-stringify. A cell that a spreadsheet
 * would run as a formula is prefixed with a quote (CWE-1236).
 */
export function toCsv(rows: readonly KeyRow[]): string {
  return stringify(
    rows.map((row) => COLUMNS.map(([, value]) => value(row))),
    { header: true, columns: COLUMNS.map(([header]) => header), record_delimiter: 'windows', escape_formulas: true },
  );
}

function markdownCell(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ');
}

/** The heading line of a Markdown export: the day and the policy the statuses were judged by. */
export function markdownHeading(
  policy: { readonly maxAgeDays: number; readonly expiryWarningDays: number },
  keys: number,
  date = new Date(),
): string {
  const day = date.toISOString().slice(0, 10);
  return `# Cloud key ages, ${day}\n\nPolicy: rotate after ${policy.maxAgeDays} days; warn ${policy.expiryWarningDays} days before expiry. ${keys} keys.`;
}

/** A GitHub-flavoured Markdown table, preceded by a heading line saying when and under which policy. */
export function toMarkdown(rows: readonly KeyRow[], heading: string): string {
  const lines = [
    heading,
    '',
    `| ${COLUMNS.map(([header]) => header).join(' | ')} |`,
    `|${COLUMNS.map(([header]) => (header === 'Age (days)' ? ' ---: ' : ' --- ')).join('|')}|`,
    ...rows.map((row) => `| ${COLUMNS.map(([, value]) => markdownCell(value(row))).join(' | ')} |`),
  ];
  return `${lines.join('\n')}\n`;
}
