import * as vscode from 'vscode';
import { settings } from '../../config/settings';
import type { Feature } from '../../services/featureServices';
import { KeyCodeLenses } from './keyCodeLenses';
import { GENERATE_TERRAFORM_COMMANDS, LENS_COMMANDS } from '../../commands/lazyCommandIds';
import { registerLazyCommands } from '../../commands/lazyCommands';
import { loadCommandsModule } from '../commandsBundle';
import { LiveKeys } from './liveKeys';
import { ScanCache } from './scanCache';
import { SensitiveOutputDiagnostics } from './sensitiveOutputDiagnostics';
import { SnippetCompletions } from './snippetCompletions';
import { TERRAFORM_SELECTOR, terraformSettings } from './terraformSettings';

/**
 * Terraform for the keys: snippets, "Generate Terraform", live code lenses over key resources, and
 * the warning (with its quick fix) on outputs that would print a secret.
 */
export const terraformFeature: Feature = (s) => {
  const ctx = s.commandContext;
  const scans = new ScanCache();
  const live = new LiveKeys(s.registry, s.browser, s.secrets, () => settings.keyHealth());
  const lenses = new KeyCodeLenses(scans, live);
  const diagnostics = new SensitiveOutputDiagnostics(scans);

  // The code-lens provider is registered while its setting is on, rather than checked per call.
  let lensRegistration: vscode.Disposable | undefined;
  const updateLenses = () => {
    if (terraformSettings.codeLensEnabled()) lensRegistration ??= vscode.languages.registerCodeLensProvider(TERRAFORM_SELECTOR, lenses);
    else {
      lensRegistration?.dispose();
      lensRegistration = undefined;
    }
  };
  updateLenses();

  return [
    live,
    lenses,
    diagnostics,
    new SnippetCompletions(s.context.extensionUri, s.logger),
    vscode.languages.registerCodeActionsProvider(TERRAFORM_SELECTOR, diagnostics, SensitiveOutputDiagnostics.metadata),
    // A change in the tree (a refresh, a key created, rotated or deleted) makes the lenses look again.
    s.tree.onDidChangeTreeData(() => live.clear()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (terraformSettings.affectsCodeLens(event)) updateLenses();
      // The lenses say what the key-age policy says: a new policy, new lines.
      if (event.affectsConfiguration('cloudKeys.keys')) live.clear();
    }),
    { dispose: () => lensRegistration?.dispose() },
    registerLazyCommands(GENERATE_TERRAFORM_COMMANDS, loadCommandsModule, (bundle) => [bundle.registerGenerateCommand(s, ctx)], ctx),
    registerLazyCommands(LENS_COMMANDS, loadCommandsModule, (bundle) => bundle.registerLensCommands(s, ctx, scans, live), ctx),
  ];
};
