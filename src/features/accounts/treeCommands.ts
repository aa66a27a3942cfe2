import * as vscode from 'vscode';
import type { AccountsTreeProvider } from '../../views/accountsTreeProvider';
import type { LoadMoreNode, MessageNode } from '../../views/nodes/treeNodes';
import type { AccountBrowser } from '../../operations/accountBrowser';
import { accountNodeArg, accountOrUserArg } from '../../commands/commandArgs';
import { COMMAND_IDS } from '../../commands/commandIds';
import { pickAccount, type PickerServices } from '../../commands/pickers';
import { registerCommand, type CommandContext } from '../../commands/registerCommand';

/** Commands about the tree itself: refresh, retry, paging, filtering, cancelling loads. */
export function registerTreeCommands(
  ctx: CommandContext,
  s: PickerServices & { browser: AccountBrowser; tree: AccountsTreeProvider },
): vscode.Disposable[] {
  return [
    registerCommand(
      COMMAND_IDS.refresh,
      (node?: unknown) => {
        s.tree.refresh(accountOrUserArg(COMMAND_IDS.refresh, node));
      },
      ctx,
    ),
    registerCommand(
      COMMAND_IDS.retry,
      (node?: unknown) => {
        const message = node as MessageNode | undefined;
        s.tree.refresh(message?.retry);
      },
      ctx,
    ),
    registerCommand(
      COMMAND_IDS.loadMore,
      async (node?: unknown) => {
        const more = node as LoadMoreNode | undefined;
        const account = more?.account ?? (await pickAccount(s))?.account;
        if (!account) return;
        if (!(await s.browser.users(account)).hasMore) {
          void vscode.window.showInformationMessage(vscode.l10n.t('Every user of {0} is already listed.', account.label));
          return;
        }
        await s.tree.loadMore(account);
      },
      ctx,
    ),
    registerCommand(
      COMMAND_IDS.filterUsers,
      async (node?: unknown) => {
        const accountNode = accountNodeArg(COMMAND_IDS.filterUsers, node) ?? (await pickAccount(s));
        if (!accountNode) return;
        const filter = await vscode.window.showInputBox({
          title: vscode.l10n.t('Filter the users of {0}', accountNode.account.label),
          prompt: vscode.l10n.t('Part of a user name or email; empty shows everyone.'),
          value: s.browser.filter(accountNode.account) ?? '',
        });
        if (filter === undefined) return;
        s.browser.setFilter(accountNode.account, filter);
        s.tree.rerenderAccount(accountNode.account);
      },
      ctx,
    ),
    registerCommand(
      COMMAND_IDS.clearFilter,
      async (node?: unknown) => {
        const accountNode = accountNodeArg(COMMAND_IDS.clearFilter, node) ?? (await pickAccount(s));
        if (!accountNode) return;
        if (s.browser.filter(accountNode.account) === undefined) {
          void vscode.window.showInformationMessage(vscode.l10n.t('The users of {0} are not filtered.', accountNode.account.label));
          return;
        }
        s.browser.setFilter(accountNode.account, undefined);
        s.tree.rerenderAccount(accountNode.account);
      },
      ctx,
    ),
    registerCommand(COMMAND_IDS.cancelLoading, () => s.tree.cancelLoads(), ctx),
  ];
}
