import { asTextBytes } from '../../keyMatching/textBytes';
import { detectLeaks } from '../../leaks/detect';
import { OwnerIndex, type ListedKeys } from '../../leaks/ownerIndex';
import type { AccessKey, Account, CloudUser } from '../../model/types';
import type { AuditProblem } from '../audit/auditReport';
import type { AuditDependencies } from '../audit/runAudit';
import type { ExitCode } from '../exitCodes';
import { readInventory } from '../inventory';
import { complain, type CliIo } from '../io';
import { progressLine } from '../progress';
import { renderScan } from './scanFormats';
import type { ScanOptions } from './scanOptions';
import { scanExitCode, toFinding, type ScanFinding, type ScanReport } from './scanReport';
import { gitRoot, pathSources, stagedSources, type ScanSource } from './scanSources';

export interface ScanDependencies extends AuditDependencies {
  /** The folder relative paths and `--staged` start from; by default the process's. */
  readonly cwd?: string;
}

/** One user's keys per listing, as the leak detectors' owner index takes them. */
export function listingsOf(rows: readonly { account: Account; user: CloudUser; key: AccessKey }[]): ListedKeys[] {
  const byUser = new Map<string, { account: ListedKeys['account']; user: ListedKeys['user']; keys: AccessKey[] }>();
  for (const { account, user, key } of rows) {
    const id = `${account.id}|${user.id}`;
    const listing = byUser.get(id) ?? {
      account: { id: account.id, label: account.label, cloud: account.cloud },
      user: { id: user.id, name: user.name },
      keys: [],
    };
    listing.keys.push(key);
    byUser.set(id, listing);
  }
  return [...byUser.values()];
}

/**
 * The owner index of the chosen accounts' keys: ids and fingerprints (the CLI holds no key's secret,
 * so secrets are found by shape and, next to a known id, attributed as probable).
 */
async function ownerIndex(options: ScanOptions, io: CliIo, deps: AuditDependencies, progress: ReturnType<typeof progressLine>) {
  const inventory = await readInventory(options, io, deps, (account, user, key) => ({ account, user, key }), progress, true);
  const owners = new OwnerIndex();
  await owners.update(listingsOf(inventory.rows), async () => undefined);
  return { owners, accounts: inventory.accounts.length, problems: inventory.problems };
}

/** Runs the leak detectors over the files (or git's index), prints the findings, and returns the exit code. */
export async function runScan(options: ScanOptions, io: CliIo, deps: ScanDependencies): Promise<ExitCode> {
  const cwd = deps.cwd ?? process.cwd();
  const root = gitRoot(cwd);
  // Sources first: a missing path or no repository is a usage error before any cloud is read.
  const sources: Iterable<ScanSource> = options.staged ? stagedSources(root) : [...pathSources(cwd, root ?? cwd, options.paths)];
  const progress = progressLine(io);
  const problems: AuditProblem[] = [];
  let owners: OwnerIndex | undefined;
  let inventory: ScanReport['inventory'];
  if (options.inventory) {
    const read = await ownerIndex(options, io, deps, progress);
    problems.push(...read.problems);
    owners = read.owners;
    inventory = { accounts: read.accounts, keys: read.owners.size };
    if (read.accounts === 0 && problems.length === 0)
      complain(io, 'no account found: findings are by shape only, with no owner (see cloud-keys scan --help).');
  }

  const clouds = options.clouds.length ? new Set(options.clouds) : undefined;
  const now = deps.now?.() ?? Date.now();
  const findings: ScanFinding[] = [];
  const skipped = { large: 0, binary: 0, unreadable: 0 };
  let filesScanned = 0;
  for (const source of sources) {
    progress.update(`Scanning ${filesScanned + 1}: ${source.name}`);
    const raw = source.read(options.maxFileBytes);
    if (raw === 'large' || raw === 'unreadable') {
      skipped[raw] += 1;
      continue;
    }
    const decoded = asTextBytes(raw);
    if (decoded.kind === 'binary') {
      skipped.binary += 1;
      continue;
    }
    filesScanned += 1;
    const text = decoded.bytes.toString('utf8');
    const leaks = detectLeaks(text, owners?.index, clouds ? { clouds } : {});
    if (leaks.length === 0) continue;
    const lines = text.split('\n');
    for (const leak of leaks) findings.push(toFinding(source.name, leak, (lines[leak.range.startLine] ?? '').replace(/\r$/, ''), now));
  }
  progress.done();

  const report: ScanReport = { findings, filesScanned, skipped, ...(inventory ? { inventory } : {}), problems, failOn: options.failOn };
  for (const problem of problems) complain(io, problem.message);
  io.out(renderScan(options.format, report, deps.version));
  return scanExitCode(report);
}
