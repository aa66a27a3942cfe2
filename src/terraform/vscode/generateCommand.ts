import * as vscode from 'vscode';
import { COMMAND_IDS } from '../../commands/commandIds';
import { pickAccount } from '../../commands/pickers';
import { withCancellableProgress } from '../../commands/progress';
import { registerCommand, type CommandContext } from '../../commands/registerCommand';
import type { AccessKey, Account, CloudUser } from '../../model/types';
import type { FeatureServices } from '../../services/featureServices';
import type { AccountNode, KeyNode, UserNode } from '../../views/nodes/treeNodes';
import { loadTerraformGenerator } from '../../util/lazyBundles';
import type { GenerateOptions } from '../generate';
import { resourceTypeFor } from '../resourceTypes';
import type { ScanCache } from './scanCache';
import { terraformSettings } from './terraformSettings';

/** Lets a caller (a test, a keybinding) choose where the HCL goes and the rotation pattern. */
interface GenerateArgs {
  readonly target?: 'new' | 'cursor';
  readonly rotationDays?: number;
}

type Target =
  | { readonly kind: 'account'; readonly account: Account }
  | { readonly kind: 'keys'; readonly account: Account; readonly user: CloudUser; readonly keys?: readonly AccessKey[] };

function targetOf(node: unknown): Target | undefined {
  const n = node as AccountNode | UserNode | KeyNode | undefined;
  if (n?.kind === 'account') return { kind: 'account', account: n.account };
  if (n?.kind === 'user') return { kind: 'keys', account: n.account, user: n.user };
  if (n?.kind === 'key') return { kind: 'keys', account: n.account, user: n.user, keys: [n.key] };
  return undefined;
}

/** The Command Palette's way to a target: an account, then its provider block, a user's keys, or one key. */
async function pickTarget(s: FeatureServices): Promise<Target | undefined> {
  const accountNode = await pickAccount(s, vscode.l10n.t('Generate Terraform for which account?'));
  if (!accountNode) return undefined;
  const { account } = accountNode;
  const view = await withCancellableProgress(vscode.l10n.t('Listing users of {0}…', account.label), (signal) => s.browser.users(account, signal));
  type UserItem = vscode.QuickPickItem & { user?: CloudUser };
  const userItems: UserItem[] = [
    { label: vscode.l10n.t('$(cloud) Provider block for {0}', account.label), description: vscode.l10n.t('uses the same profile, no secret') },
    ...view.users.map((user) => ({ label: `$(person) ${user.name}`, description: user.isCaller ? vscode.l10n.t('you') : user.email, user })),
  ];
  const pickedUser = await vscode.window.showQuickPick(userItems, { placeHolder: vscode.l10n.t('The provider block, or the keys of a user') });
  if (!pickedUser) return undefined;
  if (!pickedUser.user) return { kind: 'account', account };
  const user = pickedUser.user;
  const keys = await withCancellableProgress(vscode.l10n.t('Listing keys of {0}…', user.name), (signal) => s.browser.keys(account, user, signal));
  type KeyItem = vscode.QuickPickItem & { keys?: readonly AccessKey[] };
  const managed = keys.filter((k) => resourceTypeFor(account.cloud, k.kind) !== undefined);
  const keyItems: KeyItem[] = [
    { label: vscode.l10n.t('$(key) All keys of {0}', user.name), description: String(managed.length) },
    ...managed.map((key) => ({ label: key.displayName || key.fingerprint || key.id, description: `${key.id} · ${key.state}`, keys: [key] })),
  ];
  const pickedKeys = await vscode.window.showQuickPick(keyItems, { placeHolder: vscode.l10n.t('Which keys?') });
  if (!pickedKeys) return undefined;
  return { kind: 'keys', account, user, keys: pickedKeys.keys ?? managed };
}

async function writeHcl(hclFor: (options: GenerateOptions) => string, cloud: Account['cloud'], args: GenerateArgs, scans: ScanCache): Promise<string> {
  const rotationDays = args.rotationDays ?? terraformSettings.rotationDays();
  const editor = vscode.window.activeTextEditor;
  if (args.target !== 'new' && editor && editor.document.languageId === 'terraform') {
    const { document } = editor;
    const text = document.getText();
    const takenNames = scans.blocks(document).flatMap((b) => (b.kind === 'resource' ? [b.labels[1]] : []));
    const hcl = hclFor({ rotationDays, takenNames, omitRequiredProviders: loadTerraformGenerator().declaresProvider(text, cloud) });
    const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    await editor.insertSnippet(new vscode.SnippetString().appendText(hcl.split('\n').join(eol)), editor.selection.active);
    return hcl;
  }
  const hcl = hclFor({ rotationDays });
  const document = await vscode.workspace.openTextDocument({ language: 'terraform', content: hcl });
  await vscode.window.showTextDocument(document);
  return hcl;
}

export function registerGenerateCommand(s: FeatureServices, ctx: CommandContext, scans: ScanCache): vscode.Disposable {
  return registerCommand(COMMAND_IDS.generateTerraform, async (node?: unknown, args?: unknown) => {
    const target = targetOf(node) ?? (node === undefined ? await pickTarget(s) : undefined);
    if (!target) return undefined;
    const options = (args ?? {}) as GenerateArgs;
    if (target.kind === 'account') {
      return writeHcl((o) => loadTerraformGenerator().generateAccountTerraform(target.account, o), target.account.cloud, options, scans);
    }
    const keys =
      target.keys ??
      (await withCancellableProgress(vscode.l10n.t('Listing keys of {0}…', target.user.name), (signal) => s.browser.keys(target.account, target.user, signal)));
    return writeHcl((o) => loadTerraformGenerator().generateKeysTerraform(target.account, target.user, keys, o), target.account.cloud, options, scans);
  }, ctx);
}
