import * as vscode from 'vscode';
import type { AccountList } from '../operations/accountRegistry';
import type { Feature } from '../services/featureServices';
import type { Logger } from '../util/logger';

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
 * unless the user turned off `workbench.welcomePage.walkthroughs.openOnInstall` (VS Code's own
 * setting for opening a newly installed extension's walkthrough).
 */
async function openWalkthroughOnce(context: vscode.ExtensionContext, logger: Logger): Promise<void> {
  context.globalState.setKeysForSync([WALKTHROUGH_OPENED_KEY]);
  if (context.globalState.get(WALKTHROUGH_OPENED_KEY) !== undefined) return;
  // Remembered first, so a failure below never makes it open at every start.
  await context.globalState.update(WALKTHROUGH_OPENED_KEY, new Date().toISOString());
  if (!openOnInstall()) return;
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH}`, false);
  logger.info('First run: opened the "Get started with Cloud Keys" walkthrough. It opens only this once; "Get Started" in the empty Accounts view, or Help > Welcome, opens it again.');
}

/**
 * VS Code's own setting, read by its full name from every level: in code-server the section form
 * (`getConfiguration('workbench.welcomePage')`) did not see a user value of `false`.
 */
function openOnInstall(): boolean {
  const key = 'workbench.welcomePage.walkthroughs.openOnInstall';
  const setting = vscode.workspace.getConfiguration().inspect<boolean>(key);
  const explicit = setting?.workspaceFolderValue ?? setting?.workspaceValue ?? setting?.globalValue;
  return explicit ?? vscode.workspace.getConfiguration().get<boolean>(key, true);
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
