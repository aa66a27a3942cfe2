import { COMMAND_IDS } from '../../commands/commandIds';
import { registerDrivenCommand } from '../../commands/registerCommand';
import type { Feature } from '../../services/featureServices';
import { WINDOW_SETTLE_MS } from '../../services/windowSettle';
import { loadLeaksModule } from '../../services/lazyToolModules';
import type { LeakCommandId } from './leakCommands';
import type { LeakHost } from './leakHost';

/**
 * Leaked keys in code. Everything but the commands' registration lives in
 * `dist/lazy/leaks.js` (`startLeakDetection`): loaded once the window has settled (`WINDOW_SETTLE_MS`), or at once when
 * one of its commands runs.
 */
export const leaksFeature: Feature = (s) => {
  let host: LeakHost | undefined;
  const start = () => (host ??= loadLeaksModule().startLeakDetection(s));
  const timer = setTimeout(() => {
    try {
      start();
    } catch (error) {
      // A broken install: say so in the log; the commands report it again when run.
      s.logger.error('Leak detection could not start:', error);
    }
  }, WINDOW_SETTLE_MS);
  timer.unref?.();
  const forward = (id: LeakCommandId) =>
    registerDrivenCommand(id, (driven, ...args: unknown[]) => start().commands[id](driven, ...args), s.commandContext);
  return [
    { dispose: () => (clearTimeout(timer), host?.dispose()) },
    forward(COMMAND_IDS.scanWorkspaceForKeys),
    forward(COMMAND_IDS.showLeakedKey),
    forward(COMMAND_IDS.rotateLeakedKey),
    forward(COMMAND_IDS.ignoreLeakInWorkspace),
  ];
};
