import { awsVariables } from '../../operations/exports/formats';
import type { ExportRecords } from '../../operations/exports/records';
import type { FeatureServices } from '../../services/featureServices';
import type { TerminalExport } from './terminalExport';

/** Puts a terminal export back after a reload (the collection is not persisted, so the secret never reaches disk). */
export async function restoreTerminalExport(s: FeatureServices, records: ExportRecords, terminal: TerminalExport): Promise<void> {
  const saved = records.all().find((r) => r.kind === 'terminal');
  if (!saved) return;
  const secret = await s.secrets.getKeySecret({ accountId: saved.accountId, kind: saved.keyKind, id: saved.keyId });
  if (!secret) {
    await records.remove(saved.id);
    return;
  }
  terminal.replace(awsVariables(saved.keyId, secret, saved.region, saved.endpointUrl));
}
