import { ExportRecords } from '../operations/exports/records';
import type { Feature } from '../services/featureServices';
import { loadCommandsModule } from './commandsBundle';
import { exportStorage } from '../services/rotationState';
import { OCI_PROFILE_COMMANDS } from './lazyCommandIds';
import { registerLazyCommands } from './lazyCommands';

/** Saving generated OCI API keys to an OCI profile (issue 7). */
export const ociProfileFeature: Feature = (s) => {
  const records = s.rotation?.records ?? new ExportRecords(exportStorage(s.context));
  return [
    registerLazyCommands(
      OCI_PROFILE_COMMANDS,
      loadCommandsModule,
      (bundle) => bundle.registerOciProfileCommands(s, records),
      s.commandContext,
    ),
  ];
};
