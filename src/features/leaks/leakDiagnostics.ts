import * as path from 'node:path';
import * as vscode from 'vscode';
import { leakMessage, severityOf, type LeakSeverity } from '../../leaks/attribution';
import { detectLeaks } from '../../leaks/detect';
import { matchesExcludeGlobs } from '../../leaks/excludeGlobs';
import type { Leak } from '../../leaks/types';
import type { WorkspaceIgnoreList } from './ignoreList';
import type { LeakInventory } from './leakInventory';
import { leakSettings, type LeakSettings } from './leakSettings';

export const DIAGNOSTIC_SOURCE = 'Cloud Keys';
/** How long typing pauses before a document is checked again. */
const DEBOUNCE_MS = 150;

const SEVERITY: Record<LeakSeverity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

export function rangeOf(leak: Leak): vscode.Range {
  return new vscode.Range(leak.range.startLine, leak.range.startCharacter, leak.range.endLine, leak.range.endCharacter);
}

/** Whether `uri` matches one of the exclude globs (gitignore syntax, relative to its workspace folder). */
function isExcluded(uri: vscode.Uri, patterns: readonly string[]): boolean {
  if (uri.scheme !== 'file' || patterns.length === 0) return false;
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const inFolder = folder ? path.relative(folder.uri.fsPath, uri.fsPath) : '';
  const relative = inFolder && !inFolder.startsWith('..') ? inFolder : uri.fsPath.replace(/^(?:[A-Za-z]:)?[/\\]+/, '');
  return matchesExcludeGlobs(relative.split(path.sep).join('/'), patterns);
}

/** Why a file is not checked, if it is not: the settings, its size or kind, or Restricted Mode. */
function skipReason(uri: vscode.Uri, text: string, settings: LeakSettings): string | undefined {
  if (!settings.enabled) return 'disabled';
  if (uri.scheme !== 'file' && uri.scheme !== 'untitled') return 'not a file';
  if (text.length > settings.maxFileBytes) return 'too large';
  if (text.slice(0, 8000).includes('\0')) return 'binary';
  return isExcluded(uri, settings.exclude) ? 'excluded' : undefined;
}

/**
 * The 'cloud-keys' diagnostics: each open document is checked when it opens and, debounced, as it
 * changes; the workspace scan adds files that are not open. A finding's message names the key,
 * never the value. The findings of each file are kept for the hover and the quick fixes.
 */
export class LeakDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('cloud-keys');
  readonly #leaks = new Map<string, Leak[]>();
  readonly #byDiagnostic = new WeakMap<vscode.Diagnostic, Leak>();
  readonly #timers = new Map<string, NodeJS.Timeout>();
  readonly #onDidUpdate = new vscode.EventEmitter<vscode.Uri>();
  /** Fired after a file's diagnostics were set (for tests and the status of a scan). */
  readonly onDidUpdate = this.#onDidUpdate.event;

  constructor(
    private readonly inventory: LeakInventory,
    private readonly ignored: WorkspaceIgnoreList,
  ) {}

  /** Checks `document` after a pause in typing. */
  schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.#timers.get(key));
    this.#timers.set(
      key,
      setTimeout(() => {
        this.#timers.delete(key);
        void this.check(document);
      }, DEBOUNCE_MS),
    );
  }

  /** Checks `document` now (its current text). In Restricted Mode only the active editor's document is checked. */
  async check(document: vscode.TextDocument): Promise<readonly Leak[]> {
    if (!vscode.workspace.isTrusted && vscode.window.activeTextEditor?.document !== document) return this.forget(document.uri);
    const text = document.getText();
    if (skipReason(document.uri, text, leakSettings(document.uri))) return this.forget(document.uri);
    const version = document.version;
    const owners = await this.inventory.index();
    if (document.isClosed || document.version !== version) return this.#leaks.get(document.uri.toString()) ?? [];
    return this.set(document.uri, text, detectLeaks(text, owners.index, { clouds: leakSettings(document.uri).clouds }));
  }

  /** Checks a file's text that is not open (the workspace scan); false when the file is skipped. */
  async checkText(uri: vscode.Uri, text: string): Promise<readonly Leak[] | undefined> {
    const settings = leakSettings(uri);
    if (skipReason(uri, text, settings)) return undefined;
    const owners = await this.inventory.index();
    return this.set(uri, text, detectLeaks(text, owners.index, { clouds: settings.clouds }));
  }

  /** Shows `leaks` of `text` for `uri`, less those on the workspace's ignore list. */
  set(uri: vscode.Uri, text: string, leaks: readonly Leak[]): Leak[] {
    const shown = leaks.filter((leak) => !this.ignored.has(leak, text.slice(leak.start, leak.end)));
    this.#leaks.set(uri.toString(), shown);
    this.collection.set(
      uri,
      shown.map((leak) => {
        const diagnostic = new vscode.Diagnostic(rangeOf(leak), leakMessage(leak), SEVERITY[severityOf(leak)]);
        diagnostic.source = DIAGNOSTIC_SOURCE;
        diagnostic.code = `leaked-${leak.part}`;
        this.#byDiagnostic.set(diagnostic, leak);
        return diagnostic;
      }),
    );
    this.#onDidUpdate.fire(uri);
    return shown;
  }

  forget(uri: vscode.Uri): Leak[] {
    clearTimeout(this.#timers.get(uri.toString()));
    this.#leaks.delete(uri.toString());
    this.collection.delete(uri);
    return [];
  }

  /** The findings of `uri` that touch `range`. */
  leaksAt(uri: vscode.Uri, range: vscode.Range | vscode.Position): Leak[] {
    return (this.#leaks.get(uri.toString()) ?? []).filter((leak) => {
      const r = rangeOf(leak);
      return range instanceof vscode.Position ? r.contains(range) : r.intersection(range) !== undefined;
    });
  }

  leakOf(diagnostic: vscode.Diagnostic): Leak | undefined {
    return this.#byDiagnostic.get(diagnostic);
  }

  dispose(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.collection.dispose();
    this.#onDidUpdate.dispose();
  }
}
