import { RotationJournal } from '../../operations/rotation';
import type { Feature } from '../../services/featureServices';
import { journalStorage } from '../../services/rotationState';
import { loadCommandsModule } from '../commandsBundle';
import { ROTATION_AND_EXPORT_COMMANDS } from '../../commands/lazyCommandIds';
import { registerLazyCommands } from '../../commands/lazyCommands';
import { remindUnfinished } from './rotationReminder';
import { restoreTerminalExport } from './terminalExportRestore';

/** Rotation and exports; the key-age status bar is keyAlertsFeature. */
export const rotationFeature: Feature = (s) => {
  // One engine, one set of export records, one terminal export for the window (built by the composition root), shared with the Rotate form.
  const { rotation } = s;
  const { records, terminal } = rotation;
  const getEngine = () => rotation.engine();

  void restoreTerminalExport(s, records, terminal).catch((error: unknown) =>
    s.logger.warn('Could not restore the terminal export:', error),
  );
  // The rotations an earlier session left unfinished, read now, before this window can start one.
  const unfinishedAtStart = new Set(new RotationJournal(journalStorage(s.context), s.logger).entries().map((e) => e.id));
  // Not at activation's critical path: the reminder waits until the window has settled.
  const reminder = setTimeout(() => remindUnfinished(getEngine(), unfinishedAtStart), 3_000);

  return [
    { dispose: () => clearTimeout(reminder) },
    registerLazyCommands(
      ROTATION_AND_EXPORT_COMMANDS,
      loadCommandsModule,
      (bundle) => [
        ...bundle.registerRotationCommands(s, getEngine, (accountId, keyId) => rotation.exportsOf(accountId, keyId)),
        ...bundle.registerExportCommands(s, records, terminal),
      ],
      s.commandContext,
    ),
  ];
};
