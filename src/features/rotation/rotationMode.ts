import * as vscode from 'vscode';
import type { AccessKey, KeyCapabilities, KeyKind } from '../../model/types';
import type { RotationMode } from '../../operations/rotation/types';

type Capabilities = (kind: KeyKind) => KeyCapabilities;

/**
 * Asks how to rotate keys whose cloud can renew them (same key, new secret) or replace them (a new
 * key, then the old one retired); `replace` without asking when none can be renewed, `undefined`
 * when the user cancels.
 */
export async function askRotationMode(keys: readonly AccessKey[], capabilities: Capabilities): Promise<RotationMode | undefined> {
  if (!keys.some((k) => capabilities(k.kind).canRenew)) return 'replace';
  const items: (vscode.QuickPickItem & { mode: RotationMode })[] = [
    {
      label: vscode.l10n.t('Replace: create a new key, then delete the old one'),
      detail: vscode.l10n.t('Both keys work in between, so everything that uses the old one can switch over before it goes.'),
      mode: 'replace',
    },
    {
      label: vscode.l10n.t('Renew: same key, new secret'),
      detail: vscode.l10n.t('No second key; every use of the old secret stops working at once and needs the new one.'),
      mode: 'renew',
    },
  ];
  return (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('How should the keys be rotated?') }))?.mode;
}

/** Whether a grace period means anything: some key is replaced rather than renewed. */
export function replacesSome(mode: RotationMode, keys: readonly AccessKey[], capabilities: Capabilities): boolean {
  return mode === 'replace' || keys.some((k) => !capabilities(k.kind).canRenew);
}
