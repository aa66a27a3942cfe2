import { toCsv } from '../../webview/shared/tableExport';
import type { AuditFormatter } from './auditFormatter';

/** The Key Age Overview's CSV export, the same columns and words (csv-stringify; formulas defused). */
export const csvFormat: AuditFormatter = (report) => toCsv(report.entries.map((entry) => entry.row));
