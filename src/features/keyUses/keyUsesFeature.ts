import * as os from 'node:os';
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../../commands/commandIds';
import { pickKey } from '../../commands/pickers';
import { registerCommand } from '../../commands/registerCommand';
import type { Feature } from '../../services/featureServices';
import type { KeyNode } from '../../views/nodes/treeNodes';
import { isManagedFile } from '../../keyUses/managed';
import { KeyUsesSearches, type KeyUsesResult } from './keyUsesSearches';
import { KeyUsesViewProvider, summaryLine } from './keyUsesView';
import { registerUsesForChanges } from './usesBeforeChange';

export const KEY_USES_VIEW = 'cloudKeys.keyUses';

/** What the command returns (for tests and other extensions): places and kinds, never a value. */
function publicResult(result: KeyUsesResult) {
  return {
    keyId: result.target.key.id,
    secretKnown: result.secretKnown,
    cancelled: result.summary?.cancelled ?? false,
    filesSearched: result.summary?.filesSearched ?? 0,
    uses: result.uses.map((u) => ({
      file: u.file,
      line: u.line,
      column: u.column,
      kind: u.kind,
      fileKind: u.fileKind,
      managed: isManagedFile(u.file, result.managedFiles),
    })),
  };
}

/** Find Uses of Key: the command, its results view, and the uses named before a delete or rotation. */
export const keyUsesFeature: Feature = (s) => {
  const searches = new KeyUsesSearches(s.secrets, s.rotation.records);
  const provider = new KeyUsesViewProvider(os.homedir());
  const view = vscode.window.createTreeView(KEY_USES_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  const show = (result: KeyUsesResult) => {
    provider.show(result);
    view.message = summaryLine(result);
    void vscode.commands.executeCommand('setContext', 'cloudKeys.keyUses.shown', true);
    void vscode.commands.executeCommand(`${KEY_USES_VIEW}.focus`);
  };
  const changes = searches.onDidChange((result) => {
    if (provider.result === result) {
      provider.show(result);
      view.message = summaryLine(result);
    }
  });

  return [
    searches,
    provider,
    view,
    changes,
    registerUsesForChanges({ searches, show }),
    registerCommand(
      COMMAND_IDS.findKeyUses,
      async (node?: unknown) => {
        const keyNode = (node as KeyNode | undefined)?.kind === 'key' ? (node as KeyNode) : await pickKey(s);
        if (!keyNode) return undefined;
        const title = vscode.l10n.t('Finding uses of {0}…', keyNode.key.displayName ?? keyNode.key.id);
        const result = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title, cancellable: true },
          (progress, token) => {
            const abort = new AbortController();
            const subscription = token.onCancellationRequested(() => abort.abort());
            const shown = searches.onDidChange((r) => {
              if (r.target === keyNode && provider.result !== r) show(r);
              if (r.target === keyNode) progress.report({ message: vscode.l10n.t('{0} found', r.uses.length) });
            });
            return searches.search(keyNode, { bounded: false, signal: abort.signal }).finally(() => {
              subscription.dispose();
              shown.dispose();
            });
          },
        );
        show(result);
        return publicResult(result);
      },
      s.commandContext,
    ),
  ];
};
