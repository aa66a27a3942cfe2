import { FORMS_COMMAND_IDS } from '../../commands/ids/forms';
import { registerLazyCommands } from '../../commands/lazyCommands';
import type { Feature } from '../../services/featureServices';
import { loadFormControllers } from '../../services/lazyModules';

/**
 * The forms: Create Key, Rotate, Key Age Overview and Key Details, each a webview panel. Their
 * commands, panels and controllers are dist/lazy/forms.js (`formCommands.ts`): activation registers
 * stand-ins that load it the first time one of them runs.
 */
export const registerForms: Feature = (services) => [
  registerLazyCommands(
    Object.values(FORMS_COMMAND_IDS),
    loadFormControllers,
    (bundle) => bundle.registerFormCommands(services),
    services.commandContext,
  ),
];
