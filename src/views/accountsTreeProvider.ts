import * as vscode from 'vscode';

/**
 * The "Accounts" tree. Until a cloud adapter contributes accounts it has no children, and VS Code
 * shows the view's welcome content instead.
 */
export class AccountsTreeProvider implements vscode.TreeDataProvider<vscode.TreeItem>, vscode.Disposable {
  readonly #onDidChangeTreeData = new vscode.EventEmitter<vscode.TreeItem | undefined>();
  readonly onDidChangeTreeData = this.#onDidChangeTreeData.event;

  getTreeItem(element: vscode.TreeItem): vscode.TreeItem {
    return element;
  }

  getChildren(): vscode.TreeItem[] {
    return [];
  }

  refresh(): void {
    this.#onDidChangeTreeData.fire(undefined);
  }

  dispose(): void {
    this.#onDidChangeTreeData.dispose();
  }
}
