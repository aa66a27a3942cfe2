import * as vscode from 'vscode';
import { COMMAND_IDS } from '../../commands/commandIds';
import { registerCommand, type CommandContext } from '../../commands/registerCommand';
import type { AccessKey } from '../../model/types';
import type { FeatureServices } from '../../services/featureServices';
import { ACCOUNTS_VIEW_ID } from '../../views/accountsTreeProvider';
import type { KeyNode } from '../../views/nodes/treeNodes';
import { attr, block, renderHcl, str } from '../../terraform/hcl';
import { importIdFor } from '../../terraform/importIds';
import { keyLookups } from '../../terraform/keyLookup';
import type { LiveKeys } from './liveKeys';
import type { ScannedBlock } from '../../terraform/scanner';
import type { ScanCache } from './scanCache';

function isKeyNode(value: unknown): value is KeyNode {
  return typeof value === 'object' && value !== null && (value as KeyNode).kind === 'key' && typeof (value as KeyNode).key?.id === 'string';
}

/** Reveals a key in the Accounts view, loading its account's users first so the view knows its parents. */
async function showKey(s: FeatureServices, node: KeyNode): Promise<void> {
  await vscode.commands.executeCommand(`${ACCOUNTS_VIEW_ID}.focus`);
  const accountNode = s.tree.accountNode(node.account);
  await s.tree.getChildren(accountNode);
  const userNode = s.tree.userNode(node.account, node.user);
  await s.tree.getChildren(userNode);
  await s.treeView.reveal(node, { select: true, focus: true, expand: true });
}

/** Where the `import` block goes: replacing the id of the resource's import block, or after the resource. */
function importEdit(
  document: vscode.TextDocument,
  blocks: readonly ScannedBlock[],
  address: string,
  key: AccessKey,
): vscode.WorkspaceEdit | undefined {
  const lookup = keyLookups(blocks).find((l) => l.address === address);
  if (!lookup) return undefined;
  const id = importIdFor(lookup.type, key);
  const edit = new vscode.WorkspaceEdit();
  const idAttribute = lookup.importBlock?.attributes.find((a) => a.name === 'id');
  if (idAttribute) {
    edit.replace(
      document.uri,
      new vscode.Range(document.positionAt(idAttribute.valueStart), document.positionAt(idAttribute.valueEnd)),
      str(id),
    );
    return edit;
  }
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const hcl = renderHcl([block('import', [], [attr('to', address), attr('id', str(id))])])
    .trimEnd()
    .split('\n')
    .join(eol);
  edit.insert(document.uri, document.positionAt(lookup.block.end), `${eol}${eol}${hcl}`);
  return edit;
}

export function registerLensCommands(s: FeatureServices, ctx: CommandContext, scans: ScanCache, live: LiveKeys): vscode.Disposable[] {
  return [
    registerCommand(
      COMMAND_IDS.showKeyInTree,
      async (node?: unknown) => {
        if (!isKeyNode(node))
          throw new Error(vscode.l10n.t('Show in Cloud Keys needs a key: use it from a code lens above a key resource.'));
        await showKey(s, node);
      },
      ctx,
    ),

    registerCommand(
      COMMAND_IDS.importExistingKey,
      async (uri?: unknown, address?: unknown, keyId?: unknown) => {
        if (!(uri instanceof vscode.Uri) || typeof address !== 'string') {
          throw new Error(vscode.l10n.t('Import existing key needs a resource: use it from a code lens above a key resource.'));
        }
        const document = await vscode.workspace.openTextDocument(uri);
        const lookup = keyLookups(scans.blocks(document)).find((l) => l.address === address);
        if (!lookup) throw new Error(vscode.l10n.t('{0} is no longer in {1}.', address, vscode.workspace.asRelativePath(uri)));
        const status = await live.status(lookup);
        if (status.kind === 'unknown') throw new Error(vscode.l10n.t('Cannot import into {0}: {1}.', address, status.text));
        let key: AccessKey | undefined = typeof keyId === 'string' ? status.candidates.find((k) => k.id === keyId) : undefined;
        if (!key && status.kind === 'found' && !lookup.importBlock && keyId === undefined) key = status.node.key;
        if (!key) {
          const picked = await vscode.window.showQuickPick(
            status.candidates.map((k) => ({ label: k.displayName || k.fingerprint || k.id, description: `${k.id} · ${k.state}`, key: k })),
            { placeHolder: vscode.l10n.t('Choose the existing key {0} should manage', address) },
          );
          key = picked?.key;
        }
        if (!key) return undefined;
        const edit = importEdit(document, scans.blocks(document), address, key);
        if (!edit || !(await vscode.workspace.applyEdit(edit)))
          throw new Error(vscode.l10n.t('Could not write the import block into {0}.', vscode.workspace.asRelativePath(uri)));
        return importIdFor(lookup.type, key);
      },
      ctx,
    ),
  ];
}
