import type { ExitCode } from '../exitCodes';
import { chooseFormat, renderAudit } from '../formats/formats';
import { complain, type CliIo } from '../io';
import { readInventory, type AuditDependencies } from '../inventory';

export type { AuditDependencies } from '../inventory';
import { progressLine } from '../progress';
import { auditEntry, auditExitCode, sortEntries, type AuditReport } from './auditReport';
import type { AuditOptions } from './auditOptions';

/** Reads every key of the chosen accounts, prints the report in the chosen format, and returns the exit code. */
export async function runAudit(options: AuditOptions, io: CliIo, deps: AuditDependencies): Promise<ExitCode> {
  const format = chooseFormat(options.format, io.stdoutIsTty);
  const progress = progressLine(io);
  const policy = { maxAgeDays: options.maxAgeDays, expiryWarningDays: options.expiryWarningDays };
  const now = deps.now?.() ?? Date.now();
  const { accounts, rows, problems } = await readInventory(
    options,
    io,
    deps,
    (account, user, key) => auditEntry(account, user, key, policy, now),
    progress,
  );

  const report: AuditReport = { generatedAt: new Date(now), policy, accounts, entries: sortEntries(rows), problems };
  for (const problem of problems) complain(io, problem.message);
  io.out(renderAudit(format, report, { version: deps.version, ...(io.columns ? { columns: io.columns } : {}) }));
  return auditExitCode(report);
}
