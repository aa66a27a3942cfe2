import * as vscode from 'vscode';
import { registerGeneralCommands } from './commands/generalCommands';
import { OutputChannelLogger } from './util/outputChannelLogger';
import { AccountsTreeProvider } from './views/accountsTreeProvider';

/** The composition root: build each service, register it, hand every disposable to VS Code. */
export function activate(context: vscode.ExtensionContext): void {
  const logger = new OutputChannelLogger('Cloud Keys');
  context.subscriptions.push(logger);

  const tree = new AccountsTreeProvider();
  context.subscriptions.push(
    tree,
    vscode.window.createTreeView('cloudKeys.accounts', { treeDataProvider: tree, showCollapseAll: true }),
  );

  const commandContext = { logger, showLogs: () => logger.show() };
  context.subscriptions.push(...registerGeneralCommands(commandContext, tree, context.extension.id));

  logger.info(`Cloud Keys ${String(context.extension.packageJSON.version)} activated`);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
