import { ACCOUNT_COMMANDS, KEY_COMMANDS } from '../../commands/lazyCommandIds';
import { registerLazyCommands } from '../../commands/lazyCommands';
import type { Feature } from '../../services/featureServices';
import { loadCommandsModule } from '../commandsBundle';
import { registerTreeCommands } from './treeCommands';

/**
 * The commands on the Accounts tree: the tree's own (refresh, filter, load more) at once, and the
 * account and key commands as stand-ins that load `dist/lazy/commands.js` on their first call.
 */
export const accountsFeature: Feature = (s) => [
  ...registerTreeCommands(s.commandContext, s),
  registerLazyCommands(
    [...ACCOUNT_COMMANDS, ...KEY_COMMANDS],
    loadCommandsModule,
    (bundle) => [...bundle.registerAccountCommands(s.commandContext, s), ...bundle.registerKeyCommands(s.commandContext, s)],
    s.commandContext,
  ),
];
