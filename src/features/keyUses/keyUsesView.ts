import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LabelledKeyAddress } from '../../keyMatching';
import type { KeyUse } from '../../keyUses/finder';
import { isRewritableKind } from '../../keyUses/fileKinds';
import { isManagedFile } from '../../keyUses/managed';
import type { KeyUsesResult } from './keyUsesSearches';

interface FileNode {
  readonly kind: 'file';
  readonly file: string;
  readonly uses: readonly KeyUse<LabelledKeyAddress>[];
}
interface UseNode {
  readonly kind: 'use';
  readonly use: KeyUse<LabelledKeyAddress>;
  readonly managed: boolean;
}
type UsesNode = FileNode | UseNode;

/** What was found at a place, in words: never the value, only whose it is. */
export function whatMatched(use: KeyUse<LabelledKeyAddress>): string {
  const key = use.ref.label;
  switch (use.kind) {
    case 'key-id':
      return vscode.l10n.t('key id of {0}', key);
    case 'secret':
      return vscode.l10n.t('secret of {0}', key);
    case 'fingerprint':
      return vscode.l10n.t('fingerprint of {0}', key);
    case 'private-key':
      return vscode.l10n.t('private key of {0} (its public half is the key)', key);
  }
}

/** A file's place for a person: relative to a workspace folder, or with `~` for the home folder. */
export function displayPath(file: string, home: string): string {
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file));
  if (folder) return path.relative(folder.uri.fsPath, file);
  return file.startsWith(home + path.sep) ? `~${path.sep}${path.relative(home, file)}` : file;
}

/** One line summing a search up, shown above the results. */
export function summaryLine(result: KeyUsesResult): string {
  const files = new Set(result.uses.map((u) => u.file)).size;
  const parts = [
    result.finishedAt === undefined
      ? vscode.l10n.t('Searching for uses of {0}… {1} so far.', result.target.key.displayName ?? result.target.key.id, result.uses.length)
      : result.summary?.cancelled
        ? vscode.l10n.t(
            'Search for uses of {0} cancelled: {1} found in {2} files before that.',
            result.target.key.displayName ?? result.target.key.id,
            result.uses.length,
            files,
          )
        : vscode.l10n.t(
            '{0} uses of {1} in {2} files ({3} files searched).',
            result.uses.length,
            result.target.key.displayName ?? result.target.key.id,
            files,
            result.summary?.filesSearched ?? 0,
          ),
  ];
  if (!result.secretKnown) parts.push(vscode.l10n.t('Its secret is not stored in Cloud Keys, so only its id was looked for.'));
  return parts.join(' ');
}

/** The results view: uses grouped by file; a click opens the file at the line. */
export class KeyUsesViewProvider implements vscode.TreeDataProvider<UsesNode>, vscode.Disposable {
  readonly #onDidChangeTreeData = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.#onDidChangeTreeData.event;
  #result: KeyUsesResult | undefined;

  constructor(private readonly home: string) {}

  get result(): KeyUsesResult | undefined {
    return this.#result;
  }

  show(result: KeyUsesResult): void {
    this.#result = result;
    this.#onDidChangeTreeData.fire();
  }

  getChildren(node?: UsesNode): UsesNode[] {
    const result = this.#result;
    if (!result) return [];
    if (!node) {
      const byFile = new Map<string, KeyUse<LabelledKeyAddress>[]>();
      for (const use of result.uses) byFile.set(use.file, [...(byFile.get(use.file) ?? []), use]);
      return [...byFile.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([file, uses]) => ({ kind: 'file', file, uses }));
    }
    if (node.kind === 'file') {
      return [...node.uses]
        .sort((a, b) => a.line - b.line || a.column - b.column)
        .map((use) => ({ kind: 'use', use, managed: isManagedFile(use.file, result.managedFiles) }));
    }
    return [];
  }

  getTreeItem(node: UsesNode): vscode.TreeItem {
    if (node.kind === 'file') {
      const item = new vscode.TreeItem(vscode.Uri.file(node.file), vscode.TreeItemCollapsibleState.Expanded);
      const state = node.uses[0]?.fileKind === 'terraform-state';
      item.description = [
        displayPath(path.dirname(node.file), this.home),
        state ? vscode.l10n.t('Terraform state holds secrets in clear') : '',
      ]
        .filter(Boolean)
        .join(' · ');
      item.tooltip = state
        ? vscode.l10n.t(
            '{0}\nTerraform state holds every secret in clear: keep it out of version control, or use a remote backend with encryption.',
            node.file,
          )
        : node.file;
      item.contextValue = 'keyUsesFile';
      return item;
    }
    const { use } = node;
    const item = new vscode.TreeItem(vscode.l10n.t('Line {0}: {1}', use.line, whatMatched(use)), vscode.TreeItemCollapsibleState.None);
    item.description = node.managed
      ? vscode.l10n.t('managed by Cloud Keys (an export it made)')
      : isRewritableKind(use.fileKind)
        ? vscode.l10n.t('not managed by Cloud Keys')
        : vscode.l10n.t('not managed by Cloud Keys · update by hand');
    item.iconPath = new vscode.ThemeIcon(use.kind === 'secret' || use.kind === 'private-key' ? 'key' : 'symbol-constant');
    item.contextValue = 'keyUse';
    const start = new vscode.Position(use.line - 1, use.column);
    item.command = {
      command: 'vscode.open',
      title: vscode.l10n.t('Open'),
      arguments: [
        vscode.Uri.file(use.file),
        {
          selection: new vscode.Range(start, start.translate(0, use.kind === 'private-key' ? 0 : use.length)),
        } satisfies vscode.TextDocumentShowOptions,
      ],
    };
    return item;
  }

  dispose(): void {
    this.#onDidChangeTreeData.dispose();
  }
}
