import * as vscode from 'vscode';
import type * as z from 'zod/mini';
import { lazySchema } from '../../model/lazySchema';
import { COMMAND_IDS } from '../../commands/commandIds';
import type { AccountRegistry } from '../../operations/accountRegistry';
import { canReferenceEnv, envReferenceChanges, ignoreCommentChange, variableNameFor, type TextChange } from '../../leaks/envReference';
import type { Leak } from '../../leaks/types';
import { DIAGNOSTIC_SOURCE, type LeakDiagnostics } from './leakDiagnostics';
import type { LeakInventory } from './leakInventory';

/** What a leak quick-fix command receives: where the finding is and whose key it is; never the value. */
export const LeakTargetSchema = lazySchema((z) =>
  z.object({
    uri: z.string(),
    line: z.int(),
    character: z.int(),
    part: z.enum(['key-id', 'secret', 'fingerprint', 'private-key', 'token']),
    accountId: z.optional(z.string()),
    userId: z.optional(z.string()),
    keyId: z.optional(z.string()),
  }),
);
export type LeakTarget = z.infer<typeof LeakTargetSchema>;

export function targetOf(uri: vscode.Uri, leak: Leak): LeakTarget {
  const owner = leak.owner;
  return {
    uri: uri.toString(),
    line: leak.range.startLine,
    character: leak.range.startCharacter,
    part: leak.part,
    ...(owner ? { accountId: owner.accountId, userId: owner.userId, keyId: owner.keyId } : {}),
  };
}

export function editOf(document: vscode.TextDocument, changes: readonly TextChange[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const c of changes) edit.replace(document.uri, new vscode.Range(document.positionAt(c.start), document.positionAt(c.end)), c.text);
  return edit;
}

/**
 * The quick fixes of a finding: move the value to an environment variable (and offer to export
 * the key there), rotate the key, deactivate it, ignore it here (a `cloud-keys:ignore` comment)
 * or in the whole workspace.
 */
export class LeakCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(
    private readonly diagnostics: LeakDiagnostics,
    private readonly inventory: LeakInventory,
    private readonly registry: AccountRegistry,
  ) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): Promise<vscode.CodeAction[]> {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE)) {
      const leak = this.diagnostics.leakOf(diagnostic) ?? this.diagnostics.leaksAt(document.uri, diagnostic.range)[0];
      if (leak) actions.push(...(await this.#actionsFor(document, leak, diagnostic)));
    }
    return actions;
  }

  async #actionsFor(document: vscode.TextDocument, leak: Leak, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
    const actions: vscode.CodeAction[] = [];
    const add = (title: string, build: (a: vscode.CodeAction) => void, preferred = false) => {
      const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.isPreferred = preferred;
      build(action);
      actions.push(action);
    };
    const target = targetOf(document.uri, leak);
    const node = leak.owner && leak.owner.keyKind !== 'api-token' ? await this.inventory.nodeOf(leak.owner) : undefined;
    const name = variableNameFor(leak);
    const changes = canReferenceEnv(document.languageId)
      ? envReferenceChanges(document.getText(), leak, document.languageId, name)
      : undefined;
    if (changes) {
      add(
        vscode.l10n.t(
          'Move the {0} to the environment variable {1}',
          leak.part === 'key-id' ? vscode.l10n.t('key id') : vscode.l10n.t('secret'),
          name,
        ),
        (a) => {
          a.edit = editOf(document, changes);
          // Then offer to put the key where the reference reads it: a .env file or the terminal.
          if (node?.secretStored && leak.part !== 'fingerprint')
            a.command = { command: COMMAND_IDS.exportKey, title: vscode.l10n.t('Export the key'), arguments: [node] };
        },
        leak.part !== 'key-id',
      );
    }
    if (node && node.key.state === 'active') {
      add(vscode.l10n.t('Rotate this key ({0})', node.key.id), (a) => {
        a.command = { command: COMMAND_IDS.rotateLeakedKey, title: a.title, arguments: [target] };
      });
      if (this.registry.provider(node.account).capabilities(node.key.kind).canDeactivate) {
        add(vscode.l10n.t('Deactivate this key ({0})', node.key.id), (a) => {
          a.command = { command: COMMAND_IDS.deactivateKey, title: a.title, arguments: [node] };
        });
      }
    }
    const comment = ignoreCommentChange(document.getText(), leak, document.languageId);
    if (comment) add(vscode.l10n.t('Ignore here (cloud-keys:ignore comment)'), (a) => (a.edit = editOf(document, [comment])));
    add(vscode.l10n.t('Ignore in this workspace'), (a) => {
      a.command = { command: COMMAND_IDS.ignoreLeakInWorkspace, title: a.title, arguments: [target] };
    });
    return actions;
  }
}
