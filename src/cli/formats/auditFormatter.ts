import type { AuditReport } from '../audit/auditReport';

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
