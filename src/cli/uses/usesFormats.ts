import path from 'node:path';
import type { LabelledKeyAddress } from '../../keyMatching/indexKeys';
import type { FindSummary, KeyUse } from '../../keyUses/finder';
import type { AccessKey, Account, CloudUser } from '../../model/types';
import { CLOUD_NAMES, keyKindName } from '../../views/cloudNames';
import type { UsesFormat } from './usesOptions';

export interface FoundKey {
  readonly account: Account;
  readonly user: CloudUser;
  readonly key: AccessKey;
}

export interface UsesReport {
  readonly found: readonly FoundKey[];
  readonly uses: readonly KeyUse<LabelledKeyAddress>[];
  readonly summary: FindSummary;
  /** The folders and files searched. */
  readonly searched: readonly string[];
  /** Files under it are printed relative to it. */
  readonly cwd: string;
}

/** What matched, in the Key Uses view's words. */
const WHAT: Record<KeyUse<LabelledKeyAddress>['kind'], string> = {
  'key-id': 'key id',
  secret: 'secret',
  fingerprint: 'fingerprint',
  'private-key': 'private key file',
};

function shown(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

function describeKey({ account, user, key }: FoundKey): string {
  return `${CLOUD_NAMES[account.cloud]} ${keyKindName(account.cloud, key.kind)} ${key.id} of ${user.name} (${key.state}) in account "${account.label}"`;
}

function usesText(report: UsesReport): string {
  const lines = report.found.map((found) => `Uses of the ${describeKey(found)}:`);
  for (const use of report.uses)
    lines.push(`${shown(use.file, report.cwd)}:${use.line}:${use.column + 1}: ${WHAT[use.kind]} (${use.fileKind}; managed: unknown)`);
  const { filesSearched, skippedLarge, skippedBinary, unreadable } = report.summary;
  const skipped = skippedLarge + skippedBinary + unreadable;
  lines.push(
    `${report.uses.length === 0 ? 'No use found' : `${report.uses.length} use${report.uses.length === 1 ? '' : 's'}`} in ${filesSearched} files searched${skipped ? ` (${skipped} skipped: large ${skippedLarge}, binary ${skippedBinary}, unreadable ${unreadable})` : ''}; ids and fingerprints only, no secret compared.`,
  );
  return `${lines.join('\n')}\n`;
}

function usesJson(report: UsesReport): string {
  const doc = {
    keys: report.found.map(({ account, user, key }) => ({
      cloud: account.cloud,
      account: account.label,
      accountId: account.id,
      user: user.name,
      keyId: key.id,
      kind: key.kind,
      state: key.state,
      ...(key.fingerprint ? { fingerprint: key.fingerprint } : {}),
    })),
    uses: report.uses.map((use) => ({
      file: use.file,
      line: use.line,
      column: use.column + 1,
      length: use.length,
      matched: use.kind,
      fileKind: use.fileKind,
      keyId: use.ref.keyId,
      managed: null,
    })),
    summary: { uses: report.uses.length, ...report.summary, secretsCompared: false, searched: report.searched },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function renderUses(format: UsesFormat, report: UsesReport): string {
  return format === 'json' ? usesJson(report) : usesText(report);
}
