// The commands bundle (dist/lazy/commands.js): the code of the commands registered through
// `registerLazyCommands`, required the first time one of them runs. The ids each one registers are
// listed in lazyCommandIds.ts.
export { registerAccountCommands } from './accountCommands';
export { recover, registerRecoveryCommand } from './createRecoveryCommands';
export { registerExportCommands } from './exportCommands';
export { registerKeyCommands } from './keyCommands';
export { registerOciProfileCommands } from './ociProfileCommands';
export { registerRotationCommands } from './rotationCommands';
export { registerGenerateCommand } from '../terraform/vscode/generateCommand';
export { registerLensCommands } from '../terraform/vscode/lensCommands';
