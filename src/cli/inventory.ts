import { CLOUD_IDS, type Account, type AccessKey, type CloudId, type CloudUser } from '../model/types';
import { collectRows } from '../operations/collectKeys';
import type { AuditProblem } from './audit/auditReport';
import type { CloudModule } from '../clouds/cloudModule';
import { selectAccounts } from './audit/selectAccounts';
import { cliCloudContext, createEngine, stderrLogger } from './cliContext';
import { complain, safeText, type CliIo } from './io';
import type { ProgressLine } from './progress';

export interface AuditDependencies {
  readonly version: string;
  /** The cloud modules; by default the bundles beside the CLI (dist/clouds/<cloud>.js). */
  readonly loadModule?: (cloud: CloudId) => CloudModule;
  readonly now?: () => number;
}

/** Which accounts to read: `--cloud`, `--account`, `--verbose`. */
export interface InventoryRequest {
  /** Empty: every cloud. */
  readonly clouds: readonly CloudId[];
  /** Account labels or ids; empty: every account. */
  readonly accounts: readonly string[];
  readonly verbose: boolean;
}

export interface Inventory<T> {
  readonly accounts: readonly Account[];
  readonly rows: T[];
  /** Config files not read (`config`) and accounts or users not read (`cloud`), in words with no secret. */
  readonly problems: AuditProblem[];
}

/**
 * Reads every key of the chosen accounts with the extension's engine (the audit's account loading),
 * turning each into a row. With `allowNone`, finding no account at all is not an error: the caller
 * goes on without an inventory. An `--account` that matches nothing is always a usage error.
 */
export async function readInventory<T>(
  request: InventoryRequest,
  io: CliIo,
  deps: AuditDependencies,
  toRow: (account: Account, user: CloudUser, key: AccessKey) => T,
  progress: ProgressLine,
  allowNone = false,
): Promise<Inventory<T>> {
  const ctx = cliCloudContext(io, stderrLogger(io, request.verbose));
  const engine = createEngine(ctx, request.clouds.length ? request.clouds : CLOUD_IDS, deps.loadModule);
  progress.update('Finding accounts…');
  const listed = await engine.registry.list();
  const problems: AuditProblem[] = listed.problems.map((p) => ({ kind: 'config', message: safeText(`${p.source}: ${p.message}`) }));
  if (allowNone && listed.accounts.length === 0 && request.accounts.length === 0) {
    progress.done();
    return { accounts: [], rows: [], problems };
  }
  let accounts: readonly Account[];
  try {
    accounts = selectAccounts(listed.accounts, request.accounts, problems.length > 0);
  } catch (error) {
    progress.done();
    for (const problem of problems) complain(io, problem.message);
    throw error;
  }
  const collected = await collectRows(
    accounts,
    engine.browser,
    toRow,
    (done, total, label) => progress.update(`Reading keys: ${done}/${total} users (${label})`),
    new AbortController().signal,
    Number.POSITIVE_INFINITY,
  );
  progress.done();
  problems.push(...collected.problems.map((message): AuditProblem => ({ kind: 'cloud', message: safeText(message) })));
  return { accounts, rows: collected.rows, problems };
}
