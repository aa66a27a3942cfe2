import type * as vscode from 'vscode';
import type { ExportRecord, ExportRecordStorage } from '../operations/exports/records';
import type { JournalEntry, JournalStorage } from '../operations/rotation';
import { journalFile, type JournalContext } from './createJournalState';

const JOURNAL_KEY = 'cloudKeys.rotationJournal';
const EXPORTS_KEY = 'cloudKeys.exportRecords';

/** The rotation journal, in a file of the extension's global storage (ids and steps only; the engine validates it on every read). */
export function journalStorage(context: JournalContext): JournalStorage {
  return journalFile<JournalEntry>(context, 'rotation-journal.json', JOURNAL_KEY);
}

/** Where exports were written (never the secret), in `globalState`, so a rotation can update them. */
export function exportStorage(state: vscode.Memento): ExportRecordStorage {
  return {
    read: () => state.get<unknown>(EXPORTS_KEY),
    write: async (value: readonly ExportRecord[]) => state.update(EXPORTS_KEY, value),
  };
}
