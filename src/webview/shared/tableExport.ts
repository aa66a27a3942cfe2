import { keyKindName } from '../../views/cloudNames';
import { isoForExport } from '../../util/formatDate';
import type { KeyRow } from '../protocol';
import { STATUS_LABELS } from './statusLabels';

/** The columns of an audit export, in order: header and value, in the words the Overview shows; dates in ISO 8601. */
const COLUMNS: readonly [string, (row: KeyRow) => string][] = [
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

function csvField(value: string): string {
  // A cell that a spreadsheet would run as a formula is prefixed with a quote (CWE-1236).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV with a header row and CRLF line ends. */
export function toCsv(rows: readonly KeyRow[]): string {
  const lines = [COLUMNS.map(([header]) => csvField(header)).join(',')];
  for (const row of rows) lines.push(COLUMNS.map(([, value]) => csvField(value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function markdownCell(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
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
