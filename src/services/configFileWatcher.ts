import path from 'node:path';
import * as vscode from 'vscode';

/**
 * Watches the clouds' config files (inside or outside the workspace) and calls `onChange` once per
 * burst of edits, so an edited, added or removed profile shows up without a reload.
 */
export class ConfigFileWatcher implements vscode.Disposable {
  #watchers: vscode.FileSystemWatcher[] = [];
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly onChange: () => void,
    private readonly debounceMs = 300,
  ) {}

  watch(files: readonly string[]): void {
    this.#disposeWatchers();
    for (const file of new Set(files)) {
      const pattern = new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file));
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      const fire = () => this.#schedule();
      watcher.onDidChange(fire);
      watcher.onDidCreate(fire);
      watcher.onDidDelete(fire);
      this.#watchers.push(watcher);
    }
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(this.onChange, this.debounceMs);
  }

  #disposeWatchers(): void {
    for (const watcher of this.#watchers) watcher.dispose();
    this.#watchers = [];
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#disposeWatchers();
  }
}
