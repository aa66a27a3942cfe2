import { CLOUD_IDS, type Account, type CloudId } from '../../model/types';
import type { CloudModule } from '../../clouds/cloudModule';
import { collectRows } from '../../operations/collectKeys';
import { cliCloudContext, createEngine, stderrLogger } from '../cliContext';
import type { ExitCode } from '../exitCodes';
import { chooseFormat, renderAudit } from '../formats/formats';
import { complain, safeText, type CliIo } from '../io';
import { progressLine } from '../progress';
import { auditEntry, auditExitCode, sortEntries, type AuditProblem, type AuditReport } from './auditReport';
import type { AuditOptions } from './auditOptions';
import { selectAccounts } from './selectAccounts';

export interface AuditDependencies {
  readonly version: string;
  /** The cloud modules; by default the bundles beside the CLI (dist/clouds/<cloud>.js). */
  readonly loadModule?: (cloud: CloudId) => CloudModule;
  readonly now?: () => number;
}

/** Reads every key of the chosen accounts, prints the report in the chosen format, and returns the exit code. */
export async function runAudit(options: AuditOptions, io: CliIo, deps: AuditDependencies): Promise<ExitCode> {
  const format = chooseFormat(options.format, io.stdoutIsTty);
  const logger = stderrLogger(io, options.verbose);
  const ctx = cliCloudContext(io, logger);
  const clouds = options.clouds.length ? options.clouds : CLOUD_IDS;
  const engine = createEngine(ctx, clouds, deps.loadModule);
  const progress = progressLine(io);
  const policy = { maxAgeDays: options.maxAgeDays, expiryWarningDays: options.expiryWarningDays };

  progress.update('Finding accounts…');
  const listed = await engine.registry.list();
  const problems: AuditProblem[] = listed.problems.map((p) => ({ kind: 'config', message: safeText(`${p.source}: ${p.message}`) }));
  let accounts: readonly Account[];
  try {
    accounts = selectAccounts(listed.accounts, options.accounts, problems.length > 0);
  } catch (error) {
    progress.done();
    for (const problem of problems) complain(io, problem.message);
    throw error;
  }

  const now = deps.now?.() ?? Date.now();
  const collected = await collectRows(
    accounts,
    engine.browser,
    (account, user, key) => auditEntry(account, user, key, policy, now),
    (done, total, label) => progress.update(`Reading keys: ${done}/${total} users (${label})`),
    new AbortController().signal,
    Number.POSITIVE_INFINITY,
  );
  progress.done();
  problems.push(...collected.problems.map((message): AuditProblem => ({ kind: 'cloud', message: safeText(message) })));

  const report: AuditReport = { generatedAt: new Date(now), policy, accounts, entries: sortEntries(collected.rows), problems };
  for (const problem of problems) complain(io, problem.message);
  io.out(renderAudit(format, report, { version: deps.version, ...(io.columns ? { columns: io.columns } : {}) }));
  return auditExitCode(report);
}
