import type { Feature } from '../../services/featureServices';
import { loadCommandsModule } from '../commandsBundle';
import { OCI_PROFILE_COMMANDS } from '../../commands/lazyCommandIds';
import { registerLazyCommands } from '../../commands/lazyCommands';

/** Saving generated OCI API keys to an OCI profile. */
export const ociProfileFeature: Feature = (s) => {
  const records = s.rotation.records;
  return [
    registerLazyCommands(
      OCI_PROFILE_COMMANDS,
      loadCommandsModule,
      (bundle) => bundle.registerOciProfileCommands(s, records),
      s.commandContext,
    ),
  ];
};
