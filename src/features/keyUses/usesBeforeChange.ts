import * as vscode from 'vscode';
import type { KeyNode } from '../../views/nodes/treeNodes';
import type { KeyUsesResult, KeyUsesSearches } from './keyUsesSearches';
import { displayPath, whatMatched } from './keyUsesView';
import * as os from 'node:os';
import { sharedSlot } from '../../util/sharedSlot';

/** Results younger than this are named again rather than searched for anew. */
const REUSE_MS = 10 * 60_000;
const NAMED = 5;

interface Registered {
  readonly searches: KeyUsesSearches;
  readonly show: (result: KeyUsesResult) => void;
}

/** Set by the Find Uses feature in dist/extension.js, read by the key and rotation commands (a lazy bundle): shared across bundles. */
const registered = sharedSlot<Registered>('keyUses.usesForChanges');

/** Set by the Find Uses feature when it starts, so delete and rotation can name the uses. */
export function registerUsesForChanges(value: Registered): vscode.Disposable {
  registered.set(value);
  return {
    dispose: () => {
      if (registered.get() === value) registered.set(undefined);
    },
  };
}

/** What a confirmation says about a key's uses, and how to open them. */
export interface UsesNote {
  readonly lines: readonly string[];
  readonly count: number;
  /** Opens the results view on these uses. */
  readonly show: () => void;
  /** The search the lines come from (places only, no value). */
  readonly result: KeyUsesResult;
}

/** "Used in 3 places: .env:2, ~/.aws/credentials:3, …", with what was and was not searched. */
export function describeUses(result: KeyUsesResult): string[] {
  const home = os.homedir();
  const places = result.uses.map((u) => `${displayPath(u.file, home)}:${u.line} (${whatMatched(u)})`);
  const lines = [
    result.uses.length === 0
      ? vscode.l10n.t("No use of this key was found in the workspace or the cloud CLIs' files.")
      : vscode.l10n.t(
          'Used in {0} places: {1}',
          result.uses.length,
          places.slice(0, NAMED).join('; ') + (places.length > NAMED ? vscode.l10n.t('; and {0} more', places.length - NAMED) : ''),
        ),
  ];
  if (result.summary?.cancelled) lines.push(vscode.l10n.t('The search for uses was cancelled: there may be more.'));
  if (!result.secretKnown) lines.push(vscode.l10n.t('Its secret is not stored in Cloud Keys, so only its id was looked for.'));
  return lines;
}

/**
 * The uses of a key to name before it is deleted or rotated: the last search's when recent, else a
 * quick search of the workspace and the CLI files that the user can cancel. `undefined` when the
 * feature is not running.
 */
export async function usesBeforeChange(node: KeyNode): Promise<UsesNote | undefined> {
  const current = registered.get();
  if (!current) return undefined;
  const last = current.searches.last(node);
  const result =
    last?.finishedAt !== undefined && !last.summary?.cancelled && Date.now() - last.finishedAt < REUSE_MS
      ? last
      : await vscode.window.withProgress(
          {
            location: vscode.ProgressLocation.Notification,
            title: vscode.l10n.t('Looking for uses of {0}…', node.key.displayName ?? node.key.id),
            cancellable: true,
          },
          (_progress, token) => {
            const abort = new AbortController();
            const subscription = token.onCancellationRequested(() => abort.abort());
            return current.searches.search(node, { bounded: true, signal: abort.signal }).finally(() => subscription.dispose());
          },
        );
  return { lines: describeUses(result), count: result.uses.length, show: () => current.show(result), result };
}
