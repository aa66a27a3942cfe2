import path from 'node:path';
import { indexKey, labelledKeyAddressOf, type LabelledKeyAddress } from '../../keyMatching/indexKeys';
import { KeyIndex } from '../../keyMatching/keyIndex';
import { findKeyUses, type KeyUse } from '../../keyUses/finder';
import { placesFor } from '../../keyUses/places';
import type { AccessKey, Account, CloudUser } from '../../model/types';
import type { AuditDependencies } from '../audit/runAudit';
import { EXIT, UsageError, type ExitCode } from '../exitCodes';
import { readInventory } from '../inventory';
import { complain, type CliIo } from '../io';
import { progressLine } from '../progress';
import type { UsesOptions } from './usesOptions';
import { renderUses, type FoundKey } from './usesFormats';

export interface UsesDependencies extends AuditDependencies {
  /** The folder searched as the workspace; by default the process's. */
  readonly cwd?: string;
}

/** Whether `wanted` names the key: its id, resource id or fingerprint. */
function names(key: AccessKey, wanted: string): boolean {
  return (
    key.id === wanted ||
    key.resourceId === wanted ||
    (key.fingerprint !== undefined && key.fingerprint.toLowerCase() === wanted.toLowerCase())
  );
}

/** Finds the key in the accounts, searches the places for it, prints each use, and returns the exit code (1 when used). */
export async function runUses(options: UsesOptions, io: CliIo, deps: UsesDependencies): Promise<ExitCode> {
  const progress = progressLine(io);
  const inventory = await readInventory(
    options,
    io,
    deps,
    (account: Account, user: CloudUser, key: AccessKey) => ({ account, user, key }),
    progress,
  );
  for (const problem of inventory.problems) complain(io, problem.message);
  const found: FoundKey[] = inventory.rows.filter(({ key }) => names(key, options.key));
  if (found.length === 0) {
    const where = `${inventory.rows.length} keys of ${inventory.accounts.length} account${inventory.accounts.length === 1 ? '' : 's'}`;
    if (inventory.problems.length > 0) {
      complain(io, `No key "${options.key}" among the ${where} read; it may be in one that could not be read (see above).`);
      return EXIT.unreadable;
    }
    throw new UsageError(
      `No key "${options.key}" among the ${where} read. Give a key id or OCI API key fingerprint as cloud-keys audit lists it.`,
    );
  }

  const index = new KeyIndex<LabelledKeyAddress>();
  for (const { key } of found) indexKey(index, key, labelledKeyAddressOf(key));
  const cwd = deps.cwd ?? process.cwd();
  const places = await placesFor(
    {
      workspaceFolders: options.currentFolder ? [cwd] : [],
      exclude: options.exclude,
      onlyCredentialFiles: options.onlyKeyFiles,
      cliFiles: options.cliFiles,
      shellRcFiles: options.shellRcFiles,
      extraFolders: options.extraFolders.map((folder) => path.resolve(cwd, folder)),
    },
    io.homeDir,
    io.env,
  );
  const uses: KeyUse<LabelledKeyAddress>[] = [];
  let files = 0;
  const summary = await findKeyUses(index, places, {
    maxFileBytes: options.maxFileBytes,
    onUses: (more) => {
      uses.push(...more);
      files += 1;
      progress.update(`Searching: ${uses.length} uses in ${files} files so far (${more[0].file})`);
    },
  });
  progress.done();
  uses.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  io.out(renderUses(options.format, { found, uses, summary, searched: places.map((p) => p.path), cwd }));
  return uses.length > 0 ? EXIT.policy : EXIT.ok;
}
