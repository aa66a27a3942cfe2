import { leakMessage, severityOf, type LeakSeverity } from '../../leaks/attribution';
import type { Leak, LeakOwner, LeakPart } from '../../leaks/types';
import type { CloudId } from '../../model/types';
import { redactText } from '../../util/redact';
import type { AuditProblem } from '../audit/auditReport';
import { EXIT, worstExit, type ExitCode } from '../exitCodes';
import type { FailOn } from './scanOptions';

/** Whose a found value is, as printed: names and ids, nothing secret. */
export interface PrintedOwner {
  readonly cloud: CloudId;
  readonly account: string;
  readonly user: string;
  readonly keyId: string;
  readonly keyKind: string;
  readonly state: string;
}

/** One finding of `cloud-keys scan`: where, what and whose; its line with the value masked. */
export interface ScanFinding {
  /** Relative to the repository's top (or the current folder), `/`-separated. */
  readonly file: string;
  /** 1-based, as editors and SARIF count them; columns in UTF-16 units. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly part: LeakPart;
  readonly clouds: readonly CloudId[];
  readonly severity: LeakSeverity;
  /** The editor's message for the finding (`leakMessage`). */
  readonly message: string;
  /** The line, the value replaced by `[part]`, redacted, at most 200 characters. */
  readonly snippet: string;
  readonly owner?: PrintedOwner;
  readonly probableOwner?: PrintedOwner;
}

export interface ScanReport {
  readonly findings: readonly ScanFinding[];
  readonly filesScanned: number;
  readonly skipped: { readonly large: number; readonly binary: number; readonly unreadable: number };
  /** Undefined with --offline; otherwise how many accounts and keys the findings were matched against. */
  readonly inventory?: { readonly accounts: number; readonly keys: number };
  readonly problems: readonly AuditProblem[];
  readonly failOn: FailOn;
}

const RANK: Record<LeakSeverity, number> = { information: 0, warning: 1, error: 2 };
const FAIL_RANK: Record<FailOn, number> = { info: 0, warning: 1, error: 2 };

const PLACEHOLDER: Record<LeakPart, string> = {
  'key-id': '[key id]',
  secret: '[secret]',
  fingerprint: '[fingerprint]',
  'private-key': '[private key]',
  token: '[token]',
};

const SNIPPET_MAX = 200;

function printedOwner(owner: LeakOwner | undefined): PrintedOwner | undefined {
  return (
    owner && {
      cloud: owner.cloud,
      account: owner.accountLabel,
      user: owner.userName,
      keyId: owner.keyId,
      keyKind: owner.keyKind,
      state: owner.state,
    }
  );
}

/**
 * The finding's line with the value masked: the value (to the line's end when it spans lines, as a
 * PEM block does) becomes a placeholder, then the log's redaction runs over what is left, so a
 * second credential the detectors did not take is not printed either.
 */
export function maskedLine(lineText: string, leak: Leak): string {
  const { startCharacter, endCharacter, startLine, endLine } = leak.range;
  const end = endLine === startLine ? endCharacter : lineText.length;
  const masked = `${lineText.slice(0, startCharacter)}${PLACEHOLDER[leak.part]}${lineText.slice(end)}`.trim();
  const text = redactText(masked);
  return text.length > SNIPPET_MAX ? `${text.slice(0, SNIPPET_MAX - 1)}…` : text;
}

export function toFinding(file: string, leak: Leak, lineText: string, now: number): ScanFinding {
  const owner = printedOwner(leak.owner);
  const probableOwner = printedOwner(leak.probableOwner);
  return {
    file,
    line: leak.range.startLine + 1,
    column: leak.range.startCharacter + 1,
    endLine: leak.range.endLine + 1,
    endColumn: leak.range.endCharacter + 1,
    part: leak.part,
    clouds: leak.clouds,
    severity: severityOf(leak),
    message: redactText(leakMessage(leak, now)),
    snippet: maskedLine(lineText, leak),
    ...(owner ? { owner } : {}),
    ...(probableOwner ? { probableOwner } : {}),
  };
}

/** Whether a finding is at or above `--fail-on`. */
export function failsOn(finding: Pick<ScanFinding, 'severity'>, failOn: FailOn): boolean {
  return RANK[finding.severity] >= FAIL_RANK[failOn];
}

export function countBySeverity(findings: readonly ScanFinding[]): Record<LeakSeverity, number> {
  const counts: Record<LeakSeverity, number> = { error: 0, warning: 0, information: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/** 1 when a finding is at or above --fail-on; 3 when an account or config was not read (findings are still printed). */
export function scanExitCode(report: ScanReport): ExitCode {
  return worstExit([
    report.problems.length > 0 ? EXIT.unreadable : EXIT.ok,
    report.findings.some((f) => failsOn(f, report.failOn)) ? EXIT.policy : EXIT.ok,
  ]);
}
