import * as vscode from 'vscode';
import { COMMAND_IDS } from './commandIds';
import { registerCommand, type CommandContext } from './registerCommand';

export interface Refreshable {
  refresh(): void;
}

/** Commands that belong to no cloud: refresh the tree, show the logs, open the settings. */
export function registerGeneralCommands(
  ctx: CommandContext,
  tree: Refreshable,
  extensionId: string,
): vscode.Disposable[] {
  return [
    registerCommand(COMMAND_IDS.refresh, () => tree.refresh(), ctx),
    registerCommand(COMMAND_IDS.showLogs, () => ctx.showLogs(), ctx),
    registerCommand(
      COMMAND_IDS.openSettings,
      () => vscode.commands.executeCommand('workbench.action.openSettings', `@ext:${extensionId}`),
      ctx,
    ),
  ];
}
