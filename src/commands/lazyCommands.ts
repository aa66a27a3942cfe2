import * as vscode from 'vscode';
import { describeError } from '../model/cloudError';
import type { CommandId } from './commandIds';
import type { CommandContext } from './registerCommand';

/**
 * Registers commands whose code is in a lazy bundle (dist/lazy/), so activation neither loads nor
 * compiles it. Each id gets a stand-in; the first call of any of them requires the bundle (`load`),
 * replaces the stand-ins with the real commands (`register`, through `registerCommand` as always)
 * and runs the call again, now on the real command, with the same arguments. VS Code runs a
 * command of this extension host in place, so the arguments (tree nodes, options) arrive as given.
 * `ids` must be exactly the commands `register` registers.
 */
export function registerLazyCommands<T>(
  ids: readonly CommandId[],
  load: () => T,
  register: (bundle: T) => vscode.Disposable[],
  ctx: CommandContext,
): vscode.Disposable {
  let real: vscode.Disposable[] | undefined;
  let standIns: vscode.Disposable[] = [];
  const ensureReal = (): void => {
    if (real) return;
    // Required before the stand-ins go, so a missing bundle leaves every command in place, reporting it.
    const bundle = load();
    for (const standIn of standIns) standIn.dispose();
    standIns = [];
    real = register(bundle);
  };
  standIns = ids.map((id) =>
    vscode.commands.registerCommand(id, (...args: unknown[]) => {
      try {
        ensureReal();
      } catch (error) {
        ctx.logger.error(`Command ${id} failed:`, error);
        const message = describeError(error);
        ctx.driver?.report(id, message, ctx.driver.take(id));
        void vscode.window.showErrorMessage(message);
        return undefined;
      }
      return vscode.commands.executeCommand(id, ...args);
    }),
  );
  return {
    dispose: () => {
      for (const d of [...standIns, ...(real ?? [])]) d.dispose();
      standIns = [];
      real = [];
    },
  };
}
