import * as vscode from 'vscode';
import type { Feature } from '../../services/featureServices';
import { GENERATE_TERRAFORM_COMMANDS, LENS_COMMANDS } from '../../commands/lazyCommandIds';
import { registerLazyCommands } from '../../commands/lazyCommands';
import { lazyBundle } from '../../util/lazyBundles';
import { loadCommandsModule } from '../commandsBundle';
import type * as TerraformLanguageBundle from './terraformLanguage';
import type { TerraformLanguage } from './terraformLanguage';

/** Lenses, the secret-output check and snippet completions (`terraformLanguage.ts`), when first needed. */
const loadTerraformLanguage = lazyBundle<typeof TerraformLanguageBundle>('terraformLanguage', 'Terraform editor features');

const isTerraform = (document: vscode.TextDocument) => document.languageId === 'terraform';

/**
 * Terraform for the keys: snippets, "Generate Terraform", live code lenses over key resources, and
 * the warning (with its quick fix) on outputs that would print a secret. Activation registers the
 * commands; the editor features load with the window's first Terraform document (one open when the
 * extension starts is picked up just after activation).
 */
export const terraformFeature: Feature = (s) => {
  const ctx = s.commandContext;
  let language: TerraformLanguage | undefined;
  let disposed = false;
  const start = (): TerraformLanguage => (language ??= loadTerraformLanguage().startTerraformLanguage(s));
  const startFor = (documents: readonly vscode.TextDocument[]) => {
    if (disposed || language || !documents.some(isTerraform)) return;
    try {
      start();
    } catch (error) {
      // A broken install: say so in the log; the lenses' commands report it again when run.
      s.logger.error('The Terraform editor features could not start:', error);
    }
  };
  const opened = vscode.workspace.onDidOpenTextDocument((document) => startFor([document]));
  const already = setTimeout(() => startFor(vscode.workspace.textDocuments), 0);

  return [
    opened,
    { dispose: () => ((disposed = true), clearTimeout(already), language?.dispose()) },
    registerLazyCommands(GENERATE_TERRAFORM_COMMANDS, loadCommandsModule, (bundle) => [bundle.registerGenerateCommand(s, ctx)], ctx),
    // Both bundles load before the stand-ins go, so a missing one leaves the commands reporting it.
    registerLazyCommands(
      LENS_COMMANDS,
      () => ({ commands: loadCommandsModule(), language: start() }),
      ({ commands, language }) => commands.registerLensCommands(s, ctx, language.scans, language.live),
      ctx,
    ),
  ];
};
