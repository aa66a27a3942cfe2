import * as vscode from 'vscode';
import { describeError, isCloudError } from '../model/cloudError';
import type { Logger } from '../util/logger';
import type { CommandDriver, DriverOptions } from './commandDriver';
import type { CommandId } from './commandIds';
import { restrictedModeRefusal } from './workspaceTrust';

export interface CommandContext {
  readonly logger: Logger;
  readonly showLogs: () => void;
  /** Told of every failure shown; gives the test API's options to the commands it runs. */
  readonly driver?: CommandDriver;
}

/** The user cancelled (a progress notification's Cancel, a prompt dismissed): nothing failed. */
function isCancellation(error: unknown): boolean {
  return (isCloudError(error) && error.code === 'cancelled') || (error instanceof Error && error.name === 'AbortError');
}

/**
 * Registers one command. A failure is logged (redacted) and shown once, with a way to the logs,
 * instead of surfacing as VS Code's generic "command failed" notification; a cancellation is not a
 * failure, and is shown as a notice of what was not done.
 */
export function registerCommand(id: CommandId, handler: (...args: unknown[]) => unknown, ctx: CommandContext): vscode.Disposable {
  return registerDrivenCommand(id, (_driven, ...args) => handler(...args), ctx);
}

/** `registerCommand` for a command that takes `DriverOptions` from the test API (never from its arguments). */
export function registerDrivenCommand(
  id: CommandId,
  handler: (driven: DriverOptions, ...args: unknown[]) => unknown,
  ctx: CommandContext,
): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    const run = ctx.driver?.take(id);
    const refusal = restrictedModeRefusal(id, vscode.workspace.isTrusted);
    if (refusal) {
      ctx.logger.warn(`Command ${id} refused: the workspace is not trusted.`);
      ctx.driver?.report(id, refusal, run);
      void vscode.window.showWarningMessage(vscode.l10n.t('{0}', refusal));
      return undefined;
    }
    try {
      return await handler(run?.options ?? {}, ...args);
    } catch (error) {
      if (isCancellation(error)) {
        ctx.logger.info(`Command ${id} cancelled: ${describeError(error)}`);
        void vscode.window.showInformationMessage(describeError(error));
        return undefined;
      }
      ctx.logger.error(`Command ${id} failed:`, error);
      const message = describeError(error);
      ctx.driver?.report(id, message, run);
      const showLogs = vscode.l10n.t('Show Logs');
      // Not awaited: the command ends now; the notification waits for the user on its own.
      void vscode.window.showErrorMessage(message, showLogs).then((choice) => {
        if (choice === showLogs) ctx.showLogs();
      });
      return undefined;
    }
  });
}
