import { createRecoveryFeature } from './commands/createRecoveryFeature';
import { ociProfileFeature } from './commands/ociProfileCommands';
import { rotationFeature } from './commands/rotationFeature';
import type { Feature } from './services/featureServices';
import { terraformFeature } from './terraform/vscode/terraformFeature';
import { registerForms } from './webview/formsFeature';

/**
 * The features built on the tree, each registered from its own module. Adding one is one import
 * and one entry here.
 */
export const FEATURES: readonly Feature[] = [registerForms, terraformFeature, rotationFeature, createRecoveryFeature, ociProfileFeature];
