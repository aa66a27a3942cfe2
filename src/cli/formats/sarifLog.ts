import type { Invocation, Log, ReportingDescriptor, Result } from 'sarif';
import type { AuditProblem } from '../audit/auditReport';

/** What one run of a `cloud-keys` subcommand puts in a SARIF log. */
export interface SarifRun {
  readonly version: string;
  readonly rules: readonly ReportingDescriptor[];
  readonly results: readonly Result[];
  /** What could not be read: tool execution notifications, and an unsuccessful invocation. */
  readonly problems: readonly AuditProblem[];
  readonly endTime?: Date;
  readonly properties: Record<string, unknown>;
}

/** A SARIF 2.1.0 log of one run of `cloud-keys`, as text. */
export function sarifLog(run: SarifRun): string {
  const invocation: Invocation = {
    executionSuccessful: run.problems.length === 0,
    ...(run.endTime ? { endTimeUtc: run.endTime.toISOString() } : {}),
    toolExecutionNotifications: run.problems.map((problem) => ({
      level: 'error',
      message: { text: problem.message },
      descriptor: { id: problem.kind },
    })),
  };
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'cloud-keys', version: run.version, rules: [...run.rules] } },
        invocations: [invocation],
        results: [...run.results],
        properties: run.properties,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
