import type * as vscode from 'vscode';
import { ExportRecords, type ExportRecord } from '../../operations/exports/records';
import type { RotationEngine } from '../../operations/rotation';
import { exportStorage } from '../../services/rotationState';
import { TerminalExport } from './terminalExport';

/**
 * What anything that rotates keys needs, built once by the composition root and shared by the
 * rotation commands and the Rotate form: the export records, the terminal export and the engine
 * (built on first use, over whatever `createEngine` wires it to).
 */
export class RotationService {
  readonly records: ExportRecords;
  readonly terminal: TerminalExport;
  #engine: RotationEngine | undefined;

  constructor(
    context: Pick<vscode.ExtensionContext, 'globalState' | 'globalStorageUri' | 'environmentVariableCollection'>,
    private readonly createEngine: (records: ExportRecords, terminal: TerminalExport) => RotationEngine,
  ) {
    this.records = new ExportRecords(exportStorage(context));
    this.terminal = new TerminalExport(context.environmentVariableCollection);
  }

  /** The one rotation engine of this window. */
  engine(): RotationEngine {
    return (this.#engine ??= this.createEngine(this.records, this.terminal));
  }

  /** Where Cloud Keys exported a key (never the secret): what a rotation of it updates. */
  exportsOf(accountId: string, keyId: string): ExportRecord[] {
    return this.records.ofKey(accountId, keyId);
  }
}
