import { csvFormat } from './csv';
import { jsonFormat } from './json';
import { markdownFormat } from './markdown';
import { sarifFormat } from './sarif';
import { tableFormat } from './table';
import type { AuditReport } from '../audit/auditReport';
import type { AuditFormatter, FormatContext, FormatName } from './auditFormatter';

export { FORMAT_NAMES, type AuditFormatter, type FormatContext, type FormatName } from './auditFormatter';

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
