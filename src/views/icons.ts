import * as vscode from 'vscode';
import type { CloudId, KeyKind } from '../model/types';

/** Codicons (VS Code's built-in icon font) by key kind: a key for access keys, a seal for API signing keys, a bucket-like box for Object Storage access keys. */
const KEY_KIND_ICONS: Record<KeyKind, string> = {
  'access-key': 'key',
  'api-signing-key': 'verified',
  'object-storage-access-key': 'package',
};

export function keyIcon(kind: KeyKind): string {
  return KEY_KIND_ICONS[kind];
}

/** Each cloud's own mark (media/clouds/<cloud>-light|dark.svg); the generic cloud codicon without the extension's folder. */
export function cloudIcon(
  cloud: CloudId,
  extensionUri: vscode.Uri | undefined,
): vscode.ThemeIcon | { light: vscode.Uri; dark: vscode.Uri } {
  if (!extensionUri) return new vscode.ThemeIcon('cloud');
  return {
    light: vscode.Uri.joinPath(extensionUri, 'media', 'clouds', `${cloud}-light.svg`),
    dark: vscode.Uri.joinPath(extensionUri, 'media', 'clouds', `${cloud}-dark.svg`),
  };
}
