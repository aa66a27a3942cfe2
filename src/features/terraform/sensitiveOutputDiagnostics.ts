import * as vscode from 'vscode';
import { findUnsafeOutputs } from '../../terraform/sensitiveOutputs';
import type { ScanCache } from './scanCache';

export const DIAGNOSTIC_SOURCE = 'Cloud Keys';
export const UNSAFE_OUTPUT_CODE = 'secret-output-not-sensitive';

function isTerraform(document: vscode.TextDocument): boolean {
  return document.languageId === 'terraform';
}

/**
 * Warns where a key's secret attribute flows into an `output` that is not `sensitive`, and offers a
 * quick fix that adds `sensitive = true`. Checked on open and on every change (a scan, no request).
 */
export class SensitiveOutputDiagnostics implements vscode.CodeActionProvider, vscode.Disposable {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };
  readonly #collection = vscode.languages.createDiagnosticCollection('cloudKeys.terraform');
  readonly #subscriptions: vscode.Disposable[];

  constructor(private readonly scans: ScanCache) {
    this.#subscriptions = [
      vscode.workspace.onDidOpenTextDocument((d) => this.check(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.check(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.#collection.delete(d.uri);
        this.scans.forget(d);
      }),
    ];
    for (const document of vscode.workspace.textDocuments) this.check(document);
  }

  check(document: vscode.TextDocument): void {
    if (!isTerraform(document)) return;
    const text = document.getText();
    const diagnostics = findUnsafeOutputs(text, this.scans.blocks(document)).map((unsafe) => {
      const range = new vscode.Range(document.positionAt(unsafe.start), document.positionAt(unsafe.end));
      const message = unsafe.wholeResource
        ? vscode.l10n.t(
            'Output "{0}" holds all of {1}, whose {2} is a secret the provider does not mark sensitive: plans and `terraform output` would print it. Add `sensitive = true` to the output.',
            unsafe.output,
            unsafe.resource,
            unsafe.secretAttribute,
          )
        : vscode.l10n.t(
            'The secret {0}.{1} flows into output "{2}", which is not sensitive: plans and `terraform output` would print it. Add `sensitive = true` to the output.',
            unsafe.resource,
            unsafe.secretAttribute,
            unsafe.output,
          );
      const diagnostic = new vscode.Diagnostic(range, message, vscode.DiagnosticSeverity.Warning);
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = UNSAFE_OUTPUT_CODE;
      return diagnostic;
    });
    this.#collection.set(document.uri, diagnostics);
  }

  provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.code === UNSAFE_OUTPUT_CODE && d.source === DIAGNOSTIC_SOURCE);
    if (ours.length === 0) return [];
    // Diagnostics reach this method as copies: the fix is worked out again from the (cached) scan.
    const actions: vscode.CodeAction[] = [];
    const seen = new Set<string>();
    for (const unsafe of findUnsafeOutputs(document.getText(), this.scans.blocks(document))) {
      const where = new vscode.Range(document.positionAt(unsafe.start), document.positionAt(unsafe.end));
      const diagnostics = ours.filter((d) => d.range.intersection(where) !== undefined);
      if (diagnostics.length === 0 && !range.intersection(where)) continue;
      const key = `${unsafe.fix.start}:${unsafe.fix.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const action = new vscode.CodeAction(vscode.l10n.t('Mark output "{0}" sensitive', unsafe.output), vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(
        document.uri,
        new vscode.Range(document.positionAt(unsafe.fix.start), document.positionAt(unsafe.fix.end)),
        unsafe.fix.text,
      );
      action.diagnostics = diagnostics;
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }

  dispose(): void {
    for (const s of this.#subscriptions) s.dispose();
    this.#collection.dispose();
  }
}
