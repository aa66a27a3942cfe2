import type { AuditReport } from '../audit/auditReport';
import { csvFormat } from './csv';
import { jsonFormat } from './json';
import { markdownFormat } from './markdown';
import { sarifFormat } from './sarif';
import { tableFormat } from './table';

export const FORMAT_NAMES = ['table', 'json', 'csv', 'markdown', 'sarif'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** What a format needs besides the report. */
export interface FormatContext {
  readonly version: string;
  /** Terminal width for the table; undefined when not a terminal. */
  readonly columns?: number;
}

/** The whole of stdout for an audit in one format. */
export type AuditFormatter = (report: AuditReport, context: FormatContext) => string;

const FORMATTERS: Record<FormatName, AuditFormatter> = {
  table: tableFormat,
  json: jsonFormat,
  csv: csvFormat,
  markdown: markdownFormat,
  sarif: sarifFormat,
};

/** The format asked for, or by default a table on a terminal and JSON when stdout is piped or redirected. */
export function chooseFormat(asked: FormatName | undefined, stdoutIsTty: boolean): FormatName {
  return asked ?? (stdoutIsTty ? 'table' : 'json');
}

export function renderAudit(format: FormatName, report: AuditReport, context: FormatContext): string {
  return FORMATTERS[format](report, context);
}
