import * as vscode from 'vscode';
import type { PlaceChoice } from '../../keyUses/places';

const SECTION = 'cloudKeys.keyUses';

/** A user-level value only: settings that point outside the workspace are never taken from a workspace. */
function userValue<T>(key: string, fallback: T): T {
  const inspected = vscode.workspace.getConfiguration(SECTION).inspect<T>(key);
  return inspected?.globalValue ?? inspected?.defaultValue ?? fallback;
}

/** `files.exclude` patterns that are on, as `.gitignore`-style patterns. */
function filesExclude(folder: vscode.WorkspaceFolder): string[] {
  const value = vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, unknown>>('exclude') ?? {};
  return Object.entries(value)
    .filter(([, on]) => on === true)
    .map(([glob]) => glob);
}

/** What to search, from the `cloudKeys.keyUses.*` settings; `bounded` leaves out the extra folders (before a delete or rotation). */
export function placeChoice(bounded = false): PlaceChoice {
  const config = vscode.workspace.getConfiguration(SECTION);
  const folders = vscode.workspace.workspaceFolders ?? [];
  const workspace = config.get<boolean>('workspace', true);
  const exclude = [...new Set([...folders.flatMap(filesExclude), ...config.get<string[]>('exclude', [])])];
  return {
    workspaceFolders: workspace ? folders.filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath) : [],
    exclude,
    onlyCredentialFiles: config.get<boolean>('onlyKeyFiles', false),
    cliFiles: userValue('cliFiles', true),
    shellRcFiles: userValue('shellRcFiles', true),
    extraFolders: bounded ? [] : userValue<string[]>('extraFolders', []).filter((f) => typeof f === 'string' && f.trim() !== ''),
  };
}

/** The size above which a file is skipped, in bytes. */
export function maxFileBytes(): number {
  const kb = vscode.workspace.getConfiguration(SECTION).get<number>('maxFileSizeKB', 2048);
  return Math.max(1, Number.isFinite(kb) ? kb : 2048) * 1024;
}
