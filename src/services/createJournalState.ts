import type * as vscode from 'vscode';
import type { CreateIntent, CreateJournalStorage } from '../operations/createJournal';

const CREATE_JOURNAL_KEY = 'cloudKeys.createJournal';

/** The create journal in `globalState` (ids and times only; the journal validates it on every read). */
export function createJournalStorage(state: vscode.Memento): CreateJournalStorage {
  return {
    read: () => state.get<unknown>(CREATE_JOURNAL_KEY),
    write: async (value: readonly CreateIntent[]) => state.update(CREATE_JOURNAL_KEY, value),
  };
}
