// Terraform's editor features, as a bundle of their own (dist/lazy/terraformLanguage.js, esbuild.mjs):
// required the first time a Terraform document is open in the window (terraformFeature.ts).
import * as vscode from 'vscode';
import { settings } from '../../config/settings';
import type { FeatureServices } from '../../services/featureServices';
import { KeyCodeLenses } from './keyCodeLenses';
import { LiveKeys } from './liveKeys';
import { ScanCache } from './scanCache';
import { SensitiveOutputDiagnostics } from './sensitiveOutputDiagnostics';
import { SnippetCompletions } from './snippetCompletions';
import { TERRAFORM_SELECTOR, terraformSettings } from './terraformSettings';

/** The running features, and what the lenses' commands share with them. */
export interface TerraformLanguage extends vscode.Disposable {
  readonly scans: ScanCache;
  readonly live: LiveKeys;
}

/**
 * Live code lenses over key resources, the warning (with its quick fix) on outputs that would print
 * a secret, and the snippets as completions.
 */
export function startTerraformLanguage(s: FeatureServices): TerraformLanguage {
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

  const disposables: vscode.Disposable[] = [
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
  ];
  return { scans, live, dispose: () => vscode.Disposable.from(...disposables).dispose() };
}
