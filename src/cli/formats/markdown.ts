import { markdownHeading, toMarkdown } from '../../webview/shared/tableExport';
import type { AuditFormatter } from './auditFormatter';

/** The Key Age Overview's Markdown export, followed by the problems that kept the audit from being complete. */
export const markdownFormat: AuditFormatter = (report) => {
  const rows = report.entries.map((entry) => entry.row);
  const table = toMarkdown(rows, markdownHeading(report.policy, rows.length, report.generatedAt));
  if (report.problems.length === 0) return table;
  const problems = report.problems.map((p) => `- ${p.message.replace(/[\r\n]+/g, ' ')}`);
  return `${table}\n## Not read\n\n${problems.join('\n')}\n`;
};
