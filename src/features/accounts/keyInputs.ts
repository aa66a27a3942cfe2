import * as vscode from 'vscode';
import { cloudDescriptor } from '../../clouds/descriptors';
import type { CreateKeyOptions } from '../../clouds/provider';
import type { Account, CloudUser, KeyKind } from '../../model/types';
import { settings } from '../../config/settings';
import { parseExpiryInput } from '../../operations/expiryInput';
import { defaultExpiry } from '../../operations/keyAlerts';
import { keyKindName } from '../../views/cloudNames';

/** Which kinds of key each cloud has; an entry that holds other kinds (`CloudUser.keyKinds`) says so itself. */
export function keyKinds(account: Account, user?: CloudUser): readonly KeyKind[] {
  return user?.keyKinds ?? cloudDescriptor(account.cloud).userKeyKinds;
}

export async function askKeyKind(account: Account, user?: CloudUser): Promise<KeyKind | undefined> {
  const kinds = keyKinds(account, user);
  if (kinds.length === 1) return kinds[0];
  const picked = await vscode.window.showQuickPick(
    kinds.map((keyKind) => ({ label: keyKindName(account.cloud, keyKind), keyKind })),
    { placeHolder: vscode.l10n.t('What kind of key?') },
  );
  return picked?.keyKind;
}

/** Asks for an expiry date; `null` means "no expiry", `undefined` that the user cancelled. */
export async function askExpiry(current?: Date): Promise<Date | null | undefined> {
  const value = await vscode.window.showInputBox({
    title: vscode.l10n.t('Expiration date'),
    prompt: vscode.l10n.t('A date (2027-03-31) or date and time (2027-03-31T18:00:00Z) in the future. Leave empty for no expiry.'),
    value: current ? current.toISOString().slice(0, 10) : '',
    validateInput: (text) => {
      const parsed = parseExpiryInput(text, Date.now());
      return parsed.ok ? undefined : parsed.message;
    },
  });
  if (value === undefined) return undefined;
  const parsed = parseExpiryInput(value, Date.now());
  return parsed.ok ? parsed.date : undefined;
}

/** Asks what a new key needs on its cloud; `undefined` when the user cancels. */
export async function askCreateOptions(account: Account, kind: KeyKind): Promise<CreateKeyOptions | undefined> {
  const prompt = cloudDescriptor(account.cloud).createPrompts[kind];
  if (prompt === 'name') {
    const displayName = await vscode.window.showInputBox({
      title: vscode.l10n.t('Name of the new {0}', keyKindName(account.cloud, kind)),
      prompt: vscode.l10n.t('A name to recognise it by, such as the tool or bucket that uses it (may be empty).'),
    });
    return displayName === undefined ? undefined : { displayName };
  }
  if (prompt === 'description') {
    const displayName = await vscode.window.showInputBox({
      title: vscode.l10n.t('Description of the new Object Storage access key'),
      prompt: vscode.l10n.t('What the key is for, such as the tool or bucket that uses it (may be empty).'),
    });
    return displayName === undefined ? undefined : { displayName };
  }
  if (prompt === 'key-pair') {
    const choice = await vscode.window.showQuickPick(
      [
        { label: vscode.l10n.t('Generate a 2048-bit RSA key pair'), bits: 2048 as const },
        { label: vscode.l10n.t('Generate a 4096-bit RSA key pair'), bits: 4096 as const },
        { label: vscode.l10n.t('Upload an existing public key (PEM file)…'), bits: undefined },
      ],
      { placeHolder: vscode.l10n.t('The private key of a generated pair is kept in VS Code secret storage') },
    );
    if (!choice) return undefined;
    if (choice.bits) return { keyBits: choice.bits };
    const files = await vscode.window.showOpenDialog({
      canSelectMany: false,
      filters: { 'PEM public key': ['pem', 'pub'] },
      title: vscode.l10n.t('Public key to upload'),
    });
    if (!files?.[0]) return undefined;
    const bytes = await vscode.workspace.fs.readFile(files[0]);
    return { publicKeyPem: Buffer.from(bytes).toString('utf8') };
  }
  if (prompt === 'expiry') {
    const expiresAt = await askExpiry(defaultExpiry(settings.outscaleDefaultKeyExpiryDays(), Date.now()));
    if (expiresAt === undefined) return undefined;
    return expiresAt === null ? {} : { expiresAt };
  }
  return {};
}
