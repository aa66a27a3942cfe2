import * as vscode from 'vscode';
import type * as z from 'zod/mini';
import { lazySchema } from '../../model/lazySchema';
import { COMMAND_IDS } from '../../commands/commandIds';
import { pickAccount } from '../../commands/pickers';
import { withCancellableProgress } from '../../commands/progress';
import { registerCommand, type CommandContext } from '../../commands/registerCommand';
import type { AccessKey, Account, CloudUser } from '../../model/types';
import type { FeatureServices } from '../../services/featureServices';
import { treeNodeArg } from '../../commands/commandArgs';
import { loadTerraformGenerator } from '../../services/lazyModules';
import { mergeProviders, placeBody, planAppend } from '../../terraform/appendTerraform';
import type { GenerateOptions } from '../../terraform/generate';
import { renderNewFile, type GeneratedTerraform, type ProviderRequirement } from '../../terraform/requiredProviders';
import { resourceTypeFor } from '../../terraform/resourceTypes';
import { terraformLayout } from '../../terraform/terraformLayout';
import { terraformSettings } from './terraformSettings';

/**
 * Lets a caller (a test, a keybinding) choose without being asked: `target` 'new' (an untitled
 * document) or 'append' (to the active Terraform file), and the rotation pattern.
 */
const GenerateArgsSchema = lazySchema((z) =>
  z.strictObject({
    target: z.optional(z.enum(['new', 'append'])),
    rotationDays: z.optional(z.int().check(z.minimum(0))),
  }),
);
type GenerateArgs = z.infer<typeof GenerateArgsSchema>;

/** The arguments after the node: an options object, or (from a tree's context menu) the selected nodes, which mean no options. */
function generateArgs(args: unknown): GenerateArgs {
  if (args === undefined || Array.isArray(args)) return {};
  const parsed = GenerateArgsSchema.safeParse(args);
  if (!parsed.success) {
    const problem = parsed.error.issues[0];
    throw new Error(
      vscode.l10n.t(
        'Generate Terraform takes {0} after the key, user or account; {1}: {2}',
        '{ target?: "new" | "append", rotationDays?: 0 or more }',
        problem?.path.join('.') || 'the argument',
        problem?.message ?? 'invalid',
      ),
    );
  }
  return parsed.data;
}

type Target =
  | { readonly kind: 'account'; readonly account: Account }
  | { readonly kind: 'keys'; readonly account: Account; readonly user: CloudUser; readonly keys?: readonly AccessKey[] };

function targetOf(node: unknown): Target | undefined {
  const n = treeNodeArg(COMMAND_IDS.generateTerraform, node);
  if (n?.kind === 'account') return { kind: 'account', account: n.account };
  if (n?.kind === 'user') return { kind: 'keys', account: n.account, user: n.user };
  if (n?.kind === 'key') return { kind: 'keys', account: n.account, user: n.user, keys: [n.key] };
  return undefined;
}

/** The Command Palette's way to a target: an account, then its provider block, a user's keys, or one key. */
async function pickTarget(s: FeatureServices): Promise<Target | undefined> {
  const accountNode = await pickAccount(s, vscode.l10n.t('Generate Terraform for which account?'));
  if (!accountNode) return undefined;
  const { account } = accountNode;
  const view = await withCancellableProgress(vscode.l10n.t('Listing users of {0}…', account.label), (signal) =>
    s.browser.users(account, signal),
  );
  type UserItem = vscode.QuickPickItem & { user?: CloudUser };
  const userItems: UserItem[] = [
    {
      label: vscode.l10n.t('$(cloud) Provider block for {0}', account.label),
      description: vscode.l10n.t('uses the same profile, no secret'),
    },
    ...view.users.map((user) => ({
      label: `$(person) ${user.name}`,
      description: user.isCaller ? vscode.l10n.t('you') : user.email,
      user,
    })),
  ];
  const pickedUser = await vscode.window.showQuickPick(userItems, {
    placeHolder: vscode.l10n.t('The provider block, or the keys of a user'),
  });
  if (!pickedUser) return undefined;
  if (!pickedUser.user) return { kind: 'account', account };
  const user = pickedUser.user;
  const keys = await withCancellableProgress(vscode.l10n.t('Listing keys of {0}…', user.name), (signal) =>
    s.browser.keys(account, user, signal),
  );
  type KeyItem = vscode.QuickPickItem & { keys?: readonly AccessKey[] };
  const managed = keys.filter((k) => resourceTypeFor(account.cloud, k.kind) !== undefined);
  const keyItems: KeyItem[] = [
    { label: vscode.l10n.t('$(key) All keys of {0}', user.name), description: String(managed.length) },
    ...managed.map((key) => ({
      label: key.displayName || key.fingerprint || key.id,
      description: `${key.id} · ${key.state}`,
      keys: [key],
    })),
  ];
  const pickedKeys = await vscode.window.showQuickPick(keyItems, { placeHolder: vscode.l10n.t('Which keys?') });
  if (!pickedKeys) return undefined;
  return { kind: 'keys', account, user, keys: pickedKeys.keys ?? managed };
}

type Generate = (options: GenerateOptions) => GeneratedTerraform;

/** Where the HCL goes: the argument's choice, else a question when a Terraform file is active (a new document by default). */
async function chooseTarget(args: GenerateArgs): Promise<{ kind: 'new' } | { kind: 'append'; editor: vscode.TextEditor } | undefined> {
  const editor = vscode.window.activeTextEditor;
  const terraformEditor = editor?.document.languageId === 'terraform' ? editor : undefined;
  if (args.target === 'new' || (!args.target && !terraformEditor)) return { kind: 'new' };
  if (!terraformEditor) {
    throw new Error(
      vscode.l10n.t('Append to a file needs an open Terraform file: open the .tf file to append to, or generate into a new document.'),
    );
  }
  if (args.target === 'append') return { kind: 'append', editor: terraformEditor };
  const name = fileName(terraformEditor.document);
  const items: (vscode.QuickPickItem & { target: 'new' | 'append' })[] = [
    { label: vscode.l10n.t('$(new-file) New untitled document'), description: vscode.l10n.t('nothing else changes'), target: 'new' },
    {
      label: vscode.l10n.t('$(insert) Append to {0}', name),
      description: vscode.l10n.t('adds missing providers to required_providers, places the HCL after the last block of its kind; you save'),
      target: 'append',
    },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Generate Terraform'),
    placeHolder: vscode.l10n.t('Where should the HCL go?'),
  });
  if (!picked) return undefined;
  return picked.target === 'new' ? { kind: 'new' } : { kind: 'append', editor: terraformEditor };
}

function fileName(document: vscode.TextDocument): string {
  return document.isUntitled ? document.uri.path : document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1);
}

/**
 * The document that holds the module's `required_providers`, when it is not this one: a module
 * has one, so a provider missing there is added there, not in a second block here. (Terraform
 * refuses a second one in any file of the module: "Duplicate required providers configuration",
 * seen with Terraform 1.11.4 `terraform providers` on two files each with a block.)
 */
async function requiredProvidersElsewhere(document: vscode.TextDocument): Promise<vscode.TextDocument | undefined> {
  if (document.uri.scheme !== 'file' || terraformLayout(document.getText()).requiredProviders) return undefined;
  const folder = vscode.Uri.joinPath(document.uri, '..');
  const entries = await vscode.workspace.fs.readDirectory(folder);
  for (const [name, type] of entries.sort(([a], [b]) => a.localeCompare(b))) {
    if (type !== vscode.FileType.File || !name.endsWith('.tf')) continue;
    const uri = vscode.Uri.joinPath(folder, name);
    if (uri.toString() === document.uri.toString()) continue;
    // An open document's text may be newer than the file's; only the one that matters is opened.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const text = open?.getText() ?? new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    if (terraformLayout(text).requiredProviders) return open ?? vscode.workspace.openTextDocument(uri);
  }
  return undefined;
}

/** Appends to the editor's file with a workspace edit, leaving it unsaved; returns the HCL placed. */
async function appendHcl(editor: vscode.TextEditor, generate: Generate, rotationDays: number): Promise<string> {
  const { document } = editor;
  const text = document.getText();
  const layout = terraformLayout(text);
  const takenNames = layout.blocks.flatMap((b) => (b.type === 'resource' && b.labels.length === 2 ? [b.labels[1]] : []));
  const generated = generate({ rotationDays, takenNames });
  const elsewhere = await requiredProvidersElsewhere(document);
  const edit = new vscode.WorkspaceEdit();
  let added: readonly ProviderRequirement[];
  const body = placeBody(text, generated, layout);
  if (elsewhere) {
    const merge = mergeProviders(elsewhere.getText(), generated.providers);
    if (merge.insertion) edit.insert(elsewhere.uri, elsewhere.positionAt(merge.insertion.offset), merge.insertion.text);
    added = merge.added;
    edit.insert(document.uri, document.positionAt(body.offset), body.text);
  } else {
    const plan = planAppend(text, generated);
    for (const insertion of plan.insertions) edit.insert(document.uri, document.positionAt(insertion.offset), insertion.text);
    added = plan.added;
  }
  if (!(await vscode.workspace.applyEdit(edit)))
    throw new Error(vscode.l10n.t('{0} did not accept the edit (it may be read-only).', fileName(document)));
  // Show what was added: from the first line of the HCL to its end.
  const placedText = generated.body.replace(/\n+$/, '').replace(/\n/g, document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n');
  const placed = editor.document.getText().indexOf(placedText);
  if (placed >= 0) {
    const range = new vscode.Range(editor.document.positionAt(placed), editor.document.positionAt(placed + placedText.length));
    editor.selection = new vscode.Selection(range.start, range.start);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  const providers = added.map((p) => p.localName).join(', ');
  void vscode.window.showInformationMessage(
    added.length === 0
      ? vscode.l10n.t('Appended to {0}, not saved yet.', fileName(document))
      : vscode.l10n.t(
          'Appended to {0} and added {1} to required_providers in {2}, not saved yet.',
          fileName(document),
          providers,
          fileName(elsewhere ?? document),
        ),
  );
  return generated.body;
}

async function writeHcl(generate: Generate, args: GenerateArgs): Promise<string | undefined> {
  const rotationDays = args.rotationDays ?? terraformSettings.rotationDays();
  const target = await chooseTarget(args);
  if (!target) return undefined;
  if (target.kind === 'append') return appendHcl(target.editor, generate, rotationDays);
  const hcl = renderNewFile(generate({ rotationDays }));
  const document = await vscode.workspace.openTextDocument({ language: 'terraform', content: hcl });
  await vscode.window.showTextDocument(document);
  return hcl;
}

export function registerGenerateCommand(s: FeatureServices, ctx: CommandContext): vscode.Disposable {
  return registerCommand(
    COMMAND_IDS.generateTerraform,
    async (node?: unknown, args?: unknown) => {
      const target = targetOf(node) ?? (node === undefined ? await pickTarget(s) : undefined);
      if (!target) return undefined;
      const options = generateArgs(args);
      if (target.kind === 'account') {
        return writeHcl(() => loadTerraformGenerator().accountTerraform(target.account), options);
      }
      const keys =
        target.keys ??
        (await withCancellableProgress(vscode.l10n.t('Listing keys of {0}…', target.user.name), (signal) =>
          s.browser.keys(target.account, target.user, signal),
        ));
      return writeHcl((o) => loadTerraformGenerator().keysTerraform(target.account, target.user, keys, o), options);
    },
    ctx,
  );
}
