import type * as vscode from 'vscode';
import type { ExportRecord, ExportRecordStorage } from '../operations/exports/records';
import type { JournalEntry, JournalStorage } from '../operations/rotation';

const JOURNAL_KEY = 'cloudKeys.rotationJournal';
const EXPORTS_KEY = 'cloudKeys.exportRecords';

/** The rotation journal in `globalState` (ids and steps only; the engine validates it on every read). */
export function journalStorage(state: vscode.Memento): JournalStorage {
  return {
    read: () => state.get<unknown>(JOURNAL_KEY),
    write: async (value: readonly JournalEntry[]) => state.update(JOURNAL_KEY, value),
  };
}

/** Where exports were written (never the secret), in `globalState`, so a rotation can update them. */
export function exportStorage(state: vscode.Memento): ExportRecordStorage {
  return {
    read: () => state.get<unknown>(EXPORTS_KEY),
    write: async (value: readonly ExportRecord[]) => state.update(EXPORTS_KEY, value),
  };
}
