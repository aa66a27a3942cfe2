import * as vscode from 'vscode';

const SECTION = 'cloudKeys.terraform';

/** The Terraform feature's settings, read where they are used. */
export const terraformSettings = {
  snippetsEnabled(): boolean {
    return vscode.workspace.getConfiguration(SECTION).get<boolean>('snippets.enabled', true);
  },
  codeLensEnabled(): boolean {
    return vscode.workspace.getConfiguration(SECTION).get<boolean>('codeLens.enabled', true);
  },
  /** Days between rotations in generated HCL; 0 leaves the rotation pattern out. */
  rotationDays(): number {
    const days = vscode.workspace.getConfiguration(SECTION).get<number>('rotationDays', 0);
    return Number.isInteger(days) && days > 0 ? days : 0;
  },
  affectsSnippets(event: vscode.ConfigurationChangeEvent): boolean {
    return event.affectsConfiguration(`${SECTION}.snippets.enabled`);
  },
  affectsCodeLens(event: vscode.ConfigurationChangeEvent): boolean {
    return event.affectsConfiguration(`${SECTION}.codeLens.enabled`);
  },
};

/** Documents the feature works on: Terraform files, whatever extension provides the language. */
export const TERRAFORM_SELECTOR: vscode.DocumentSelector = [{ language: 'terraform' }];
