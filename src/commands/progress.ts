import * as vscode from 'vscode';
import type { Secret } from '../model/secret';
import { readKeySecret, type KeySecretVault } from '../operations/keySecret';
import type { AccountRegistry } from '../operations/accountRegistry';
import type { KeyNode } from '../views/nodes/treeNodes';

/** Runs network work in a cancellable notification; cancelling aborts the signal the work receives. */
export function withCancellableProgress<T>(title: string, work: (signal: AbortSignal) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (_progress, token) => {
    const abort = new AbortController();
    const subscription = token.onCancellationRequested(() => abort.abort());
    return work(abort.signal).finally(() => subscription.dispose());
  });
}

/** The secret of a key of the tree (`readKeySecret`), a read from the cloud shown as cancellable progress. */
export function readNodeSecret(
  s: { secrets: KeySecretVault; registry: Pick<AccountRegistry, 'provider'> },
  node: KeyNode,
): Promise<Secret | undefined> {
  return readKeySecret(s.secrets, node.key, {
    provider: () => s.registry.provider(node.account),
    fullKey: () => node.key,
    run: (read) => withCancellableProgress(vscode.l10n.t('Reading the secret of {0}…', node.key.id), read),
  });
}
