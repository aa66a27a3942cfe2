import * as path from 'node:path';
import type { ExportRecord } from '../operations/exports/records';

/** The files an export of Cloud Keys wrote a key to (never the terminal). */
export function exportedFiles(records: readonly ExportRecord[]): Set<string> {
  const files = new Set<string>();
  for (const record of records) {
    switch (record.kind) {
      case 'aws-profile':
        files.add(path.resolve(record.credentialsFile));
        files.add(path.resolve(record.configFile));
        break;
      case 'dotenv':
        files.add(path.resolve(record.file));
        break;
      case 'oci-config':
        files.add(path.resolve(record.file));
        files.add(path.resolve(record.keyFile));
        break;
      case 'terminal':
        break;
    }
  }
  return files;
}

/** Whether a use in `file` is one Cloud Keys made (an export it recorded for this key), so a rotation updates it. */
export function isManagedFile(file: string, managed: ReadonlySet<string>): boolean {
  return managed.has(path.resolve(file));
}
