import * as vscode from 'vscode';
import type { AccountList } from '../../operations/accountRegistry';
import type { Feature } from '../../services/featureServices';
import type { Logger } from '../../util/logger';

/** The walkthrough's id in package.json's `contributes.walkthroughs`. */
export const WALKTHROUGH = 'cloudKeys.gettingStarted';
/** In globalState (and synced): when the walkthrough was opened on first run. */
const WALKTHROUGH_OPENED_KEY = 'cloudKeys.walkthroughOpenedOnFirstRun';
/**
 * The context key the Accounts view's welcome content reads (package.json `viewsWelcome`): unset
 * while accounts are being looked for, then `none`, `allHidden` or `some`.
 */
const ACCOUNTS_CONTEXT_KEY = 'cloudKeys.accounts';

function accountsState(list: AccountList): 'none' | 'allHidden' | 'some' {
  if (list.accounts.length > 0) return 'some';
  return list.hidden.length > 0 ? 'allHidden' : 'none';
}

/**
 * Opens the "Get started with Cloud Keys" walkthrough once, at the first activation after install,
 * unless the user turned it off: with `cloudKeys.firstRun.openWalkthrough`, or with VS Code's own
 * `workbench.welcomePage.walkthroughs.openOnInstall` where the extension host can see it.
 */
async function openWalkthroughOnce(context: vscode.ExtensionContext, logger: Logger): Promise<void> {
  context.globalState.setKeysForSync([WALKTHROUGH_OPENED_KEY]);
  if (context.globalState.get(WALKTHROUGH_OPENED_KEY) !== undefined) return;
  // Remembered first, so a failure below never makes it open at every start.
  await context.globalState.update(WALKTHROUGH_OPENED_KEY, new Date().toISOString());
  if (!walkthroughWanted()) return;
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH}`, false);
  logger.info(
    'First run: opened the "Get started with Cloud Keys" walkthrough. It opens only this once; "Get Started" in the empty Accounts view, or Help > Welcome, opens it again.',
  );
}

/**
 * Our own setting decides; VS Code's setting is honoured too, read by its full name. In code-server
 * the remote extension host does not see a user's `false` for that workbench setting at all, which
 * is why our own setting exists.
 */
function walkthroughWanted(): boolean {
  const config = vscode.workspace.getConfiguration();
  if (!config.get<boolean>('cloudKeys.firstRun.openWalkthrough', true)) return false;
  const setting = config.inspect<boolean>('workbench.welcomePage.walkthroughs.openOnInstall');
  return setting?.workspaceFolderValue ?? setting?.workspaceValue ?? setting?.globalValue ?? true;
}

/** The first-run experience: the walkthrough once, and the state the empty Accounts view explains. */
export const firstRunFeature: Feature = (s) => {
  openWalkthroughOnce(s.context, s.logger).catch((error: unknown) => s.logger.error('Could not open the Get Started walkthrough:', error));
  return [
    s.tree.onDidLoadAccounts(() => {
      void s.registry.list().then((list) => vscode.commands.executeCommand('setContext', ACCOUNTS_CONTEXT_KEY, accountsState(list)));
    }),
  ];
};
