import * as vscode from 'vscode';
import type { TerminalEnvironment } from '../../operations/exports/exportUpdater';

const NAMES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION', 'AWS_ENDPOINT_URL'] as const;

/**
 * The key's variables in this workspace's integrated terminals, through the extension's
 * EnvironmentVariableCollection. It is not persistent, so VS Code writes nothing to disk; the
 * feature puts the variables back from secret storage when the window opens again.
 */
export class TerminalExport implements TerminalEnvironment {
  constructor(private readonly collection: vscode.GlobalEnvironmentVariableCollection) {
    collection.persistent = false;
    collection.description = vscode.l10n.t('Cloud Keys: an access key exported to the terminal');
  }

  replace(variables: Readonly<Record<string, string>>): void {
    for (const name of NAMES) {
      const value = variables[name];
      if (value === undefined) this.collection.delete(name);
      else this.collection.replace(name, value);
    }
  }

  clear(): void {
    for (const name of NAMES) this.collection.delete(name);
  }

  /** The access key id the terminals get now, if any (never the secret). */
  keyId(): string | undefined {
    return this.collection.get('AWS_ACCESS_KEY_ID')?.value;
  }
}
