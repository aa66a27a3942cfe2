import * as vscode from 'vscode';
import type { AccessKey, Account, CloudUser } from '../model/types';
import type { AccountBrowser } from '../operations/accountBrowser';
import type { AccountRegistry } from '../operations/accountRegistry';
import { CLOUD_NAMES } from '../views/cloudNames';
import type { AccountNode, KeyNode, UserNode } from '../views/nodes/treeNodes';
import type { AccountsTreeProvider } from '../views/accountsTreeProvider';
import type { SecretStore } from '../secrets/secretStore';

/** What the Command Palette versions of tree commands need to ask "which account / user / key?". */
export interface PickerServices {
  readonly registry: AccountRegistry;
  readonly browser: AccountBrowser;
  readonly tree: AccountsTreeProvider;
  readonly secrets: SecretStore;
}

export async function pickAccount(s: PickerServices, placeHolder = vscode.l10n.t('Choose an account')): Promise<AccountNode | undefined> {
  const { accounts } = await s.registry.list();
  if (accounts.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No cloud accounts found. Add one with "Cloud Keys: Add Account…".'));
    return undefined;
  }
  const picked =
    accounts.length === 1
      ? { account: accounts[0] }
      : await vscode.window.showQuickPick(
          accounts.map((account) => ({
            label: account.label,
            description: [CLOUD_NAMES[account.cloud], account.region].filter(Boolean).join(' · '),
            detail: account.source,
            account,
          })),
          { placeHolder, matchOnDescription: true },
        );
  return picked ? s.tree.accountNode(picked.account) : undefined;
}

export async function pickUser(s: PickerServices, account: Account): Promise<UserNode | undefined> {
  const view = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Listing users of {0}…', account.label), cancellable: true },
    async (_p, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      return s.browser.users(account, abort.signal);
    },
  );
  const items: (vscode.QuickPickItem & { user?: CloudUser })[] = view.users.map((user) => ({
    label: user.name,
    description: [user.isCaller ? vscode.l10n.t('you') : undefined, user.email].filter(Boolean).join(' · '),
    user,
  }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Choose a user'), matchOnDescription: true });
  return picked?.user ? s.tree.userNode(account, picked.user) : undefined;
}

export async function pickKey(s: PickerServices, filter: (key: AccessKey) => boolean = () => true): Promise<KeyNode | undefined> {
  const accountNode = await pickAccount(s);
  if (!accountNode) return undefined;
  const userNode = await pickUser(s, accountNode.account);
  if (!userNode) return undefined;
  const keys = (await s.browser.keys(userNode.account, userNode.user)).filter(filter);
  if (keys.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no key this applies to.', userNode.user.name));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    keys.map((key) => ({ label: key.displayName || key.id, description: `${key.id} · ${key.state}`, key })),
    { placeHolder: vscode.l10n.t('Choose a key') },
  );
  if (!picked) return undefined;
  return {
    kind: 'key',
    account: userNode.account,
    user: userNode.user,
    key: picked.key,
    secretStored: await s.secrets.hasKeySecret(picked.key),
  };
}
