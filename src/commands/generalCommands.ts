import * as vscode from 'vscode';
import { COMMAND_IDS } from './commandIds';
import { registerCommand, type CommandContext } from './registerCommand';

/** Commands that belong to no cloud: show the logs, open the settings. */
export function registerGeneralCommands(ctx: CommandContext, extensionId: string): vscode.Disposable[] {
  return [
    registerCommand(COMMAND_IDS.showLogs, () => ctx.showLogs(), ctx),
    registerCommand(
      COMMAND_IDS.openSettings,
      () => vscode.commands.executeCommand('workbench.action.openSettings', `@ext:${extensionId}`),
      ctx,
    ),
  ];
}
