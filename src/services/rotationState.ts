import type { ExportRecord, ExportRecordStorage } from '../operations/exports/records';
import type { JournalEntry, JournalStorage } from '../operations/rotation';
import { journalFile, type JournalContext } from './createJournalState';

const JOURNAL_KEY = 'cloudKeys.rotationJournal';
const EXPORTS_KEY = 'cloudKeys.exportRecords';

/** The rotation journal, in a file of the extension's global storage (ids and steps only; the engine validates it on every read). */
export function journalStorage(context: JournalContext): JournalStorage {
  return journalFile<JournalEntry>(context, 'rotation-journal.json', JOURNAL_KEY);
}

/** Where exports were written (never the secret), in a file beside the journals, so a rotation can update them even after a reload. */
export function exportStorage(context: JournalContext): ExportRecordStorage {
  return journalFile<ExportRecord>(context, 'export-records.json', EXPORTS_KEY);
}
