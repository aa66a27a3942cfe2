import path from 'node:path';
import type * as vscode from 'vscode';
import type { CreateIntent, CreateJournalStorage } from '../operations/createJournal';
import { jsonListFile, type ListStorage } from '../util/jsonListFile';

const CREATE_JOURNAL_KEY = 'cloudKeys.createJournal';

/** Where the journals live: a file in the extension's global storage, on disk before a write resolves. */
export type JournalContext = Pick<vscode.ExtensionContext, 'globalState' | 'globalStorageUri'>;

/**
 * A journal kept in `<globalStorage>/<fileName>` (see `jsonListFile` for why not `globalState`),
 * reading what an earlier version left in `globalState` under `stateKey` until the first write.
 * Falls back to `globalState` when the global storage is not on the extension host's disk.
 */
export function journalFile<T>(context: JournalContext, fileName: string, stateKey: string): ListStorage<T> {
  const state = context.globalState;
  if (context.globalStorageUri.scheme !== 'file') {
    return { read: () => state.get<unknown>(stateKey), write: async (value) => state.update(stateKey, value) };
  }
  return jsonListFile<T>(path.join(context.globalStorageUri.fsPath, fileName), {
    read: () => state.get<unknown>(stateKey),
    clear: () => state.update(stateKey, undefined),
  });
}

/** The create journal (ids and times only; the journal validates it on every read). */
export function createJournalStorage(context: JournalContext): CreateJournalStorage {
  return journalFile<CreateIntent>(context, 'create-journal.json', CREATE_JOURNAL_KEY);
}
