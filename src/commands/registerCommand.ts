import * as vscode from 'vscode';
import { isCloudError } from '../model/cloudError';
import type { Logger } from '../util/logger';
import type { CommandId } from './commandIds';
import { restrictedModeRefusal } from './workspaceTrust';

export interface CommandContext {
  readonly logger: Logger;
  readonly showLogs: () => void;
}

/**
 * Registers one command. A failure is logged (redacted) and shown once, with a way to the logs,
 * instead of surfacing as VS Code's generic "command failed" notification.
 */
export function registerCommand(
  id: CommandId,
  handler: (...args: unknown[]) => unknown,
  ctx: CommandContext,
): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    const refusal = restrictedModeRefusal(id, vscode.workspace.isTrusted);
    if (refusal) {
      ctx.logger.warn(`Command ${id} refused: the workspace is not trusted.`);
      void vscode.window.showWarningMessage(vscode.l10n.t('{0}', refusal));
      return undefined;
    }
    try {
      return await handler(...args);
    } catch (error) {
      ctx.logger.error(`Command ${id} failed:`, error);
      const message = isCloudError(error) ? error.describe() : error instanceof Error ? error.message : String(error);
      const showLogs = vscode.l10n.t('Show Logs');
      // Not awaited: the command ends now; the notification waits for the user on its own.
      void vscode.window.showErrorMessage(message, showLogs).then((choice) => {
        if (choice === showLogs) ctx.showLogs();
      });
      return undefined;
    }
  });
}
