import type * as CommandsBundle from './lazyEntry';
import { lazyBundle } from '../util/lazyBundles';

// Apart from src/services/lazyModules.ts: the commands import that module, so naming their bundle
// there would close an import cycle.

export type CommandsModule = typeof CommandsBundle;

/** The commands registered through `registerLazyCommands` (key, account, rotation, export, OCI profile, Generate Terraform, the Terraform lenses' actions), the first time one runs. */
export const loadCommandsModule = lazyBundle<CommandsModule>('commands', 'commands');
