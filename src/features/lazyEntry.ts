// The commands bundle (dist/lazy/commands.js): the code of the commands registered through
// `registerLazyCommands`, required the first time one of them runs. The ids each one registers are
// listed in lazyCommandIds.ts.
export { registerAccountCommands } from './accounts/accountCommands';
export { recover, registerRecoveryCommand } from './createRecovery/createRecoveryCommands';
export { registerExportCommands } from './rotation/exportCommands';
export { registerKeyCommands } from './accounts/keyCommands';
export { registerOciProfileCommands } from './ociProfile/ociProfileCommands';
export { registerRotationCommands } from './rotation/rotationCommands';
export { registerGenerateCommand } from './terraform/generateCommand';
export { registerLensCommands } from './terraform/lensCommands';
