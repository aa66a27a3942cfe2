import { CLOUD_NAMES } from '../../views/cloudNames';
import type { ScanFormat } from './scanOptions';
import { countBySeverity, failsOn, type ScanReport } from './scanReport';
import { scanSarif } from './scanSarif';

const SEVERITY_WORD = { error: 'error', warning: 'warning', information: 'info' } as const;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `file:line:column: severity: message`, the masked line under it, and a summary, as compilers and grep print. */
export function scanText(report: ScanReport): string {
  const lines: string[] = [];
  for (const f of report.findings) {
    lines.push(`${f.file}:${f.line}:${f.column}: ${SEVERITY_WORD[f.severity]}: ${f.message}`, `    ${f.snippet}`);
  }
  const counts = countBySeverity(report.findings);
  const failing = report.findings.filter((f) => failsOn(f, report.failOn)).length;
  const skipped = report.skipped.large + report.skipped.binary + report.skipped.unreadable;
  const against = report.inventory
    ? `matched against ${plural(report.inventory.keys, 'key')} of ${plural(report.inventory.accounts, 'account')} (ids and fingerprints; secrets by shape)`
    : 'by shape only (no account read)';
  lines.push(
    `${plural(report.findings.length, 'finding')} (${counts.error} error, ${counts.warning} warning, ${counts.information} info) in ${plural(report.filesScanned, 'file')} scanned` +
      `${skipped ? `, ${skipped} skipped (large ${report.skipped.large}, binary ${report.skipped.binary}, unreadable ${report.skipped.unreadable})` : ''}; ${against}.`,
  );
  if (failing > 0) lines.push(`${plural(failing, 'finding')} at or above --fail-on ${report.failOn}.`);
  return `${lines.join('\n')}\n`;
}

/** One document: the summary, every finding (masked), and what could not be read. */
export function scanJson(report: ScanReport): string {
  const doc = {
    summary: {
      findings: report.findings.length,
      bySeverity: countBySeverity(report.findings),
      failOn: report.failOn,
      failing: report.findings.filter((f) => failsOn(f, report.failOn)).length,
      filesScanned: report.filesScanned,
      skipped: report.skipped,
      inventory: report.inventory ? { ...report.inventory, secretsCompared: false } : null,
      complete: report.problems.length === 0,
    },
    findings: report.findings.map((f) => ({ ...f, cloudNames: f.clouds.map((c) => CLOUD_NAMES[c]) })),
    problems: report.problems,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function renderScan(format: ScanFormat, report: ScanReport, version: string): string {
  switch (format) {
    case 'text':
      return scanText(report);
    case 'json':
      return scanJson(report);
    case 'sarif':
      return scanSarif(report, version);
  }
}
