import type { Feature } from '../../services/featureServices';
import { loadCommandsModule } from '../commandsBundle';
import { RECOVERY_COMMANDS } from '../../commands/lazyCommandIds';
import { registerLazyCommands } from '../../commands/lazyCommands';

/**
 * Finds keys left behind by a create the extension host did not live to finish: stores
 * their secret where the cloud can read it back, otherwise asks once whether to delete them.
 */
export const createRecoveryFeature: Feature = (s) => {
  const journal = s.createJournal;
  // What an earlier session left, read now, before any create of this session can add a record:
  // a create started in the next seconds is running, not interrupted.
  const earlier = new Set(journal.records().map((r) => r.id));
  let timer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Recovers the earlier records whose owner is gone. A record of another window whose extension host
   * still runs (or is still shutting down after a reload) is that window's running create: looked at
   * again every 30 s until it is cleared or its owner has gone.
   */
  const check = (attempt: number): void => {
    const present = journal.records().filter((r) => earlier.has(r.id));
    if (present.length === 0) return;
    const ready = new Set(
      journal
        .recoverable()
        .filter((r) => earlier.has(r.id))
        .map((r) => r.id),
    );
    const waiting = present.length - ready.size;
    const next = () => {
      if (waiting > 0 && attempt < 30) timer = setTimeout(() => check(attempt + 1), 30_000);
    };
    if (ready.size === 0) return next();
    // One question per record and start: what is left unanswered waits for the next start or the command.
    for (const id of ready) earlier.delete(id);
    // The recovery's code is in the commands bundle, loaded only when there is something to recover.
    void Promise.resolve()
      .then(() => loadCommandsModule().recover(s, journal, undefined, ready))
      .catch((error: unknown) => s.logger.warn('Could not recover interrupted key creations:', error))
      .finally(next);
  };
  // Not at activation's critical path: recovery waits until the window has settled.
  timer = setTimeout(() => check(0), 3_000);
  return [
    { dispose: () => timer !== undefined && clearTimeout(timer) },
    registerLazyCommands(RECOVERY_COMMANDS, loadCommandsModule, (bundle) => [bundle.registerRecoveryCommand(s, journal)], s.commandContext),
  ];
};
