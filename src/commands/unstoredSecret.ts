import * as vscode from 'vscode';
import type { SecretNotStoredError } from '../operations/keyOperations';
import type { SecretClipboard } from '../services/secretClipboard';

/**
 * SecretStorage refused a new key's secret: shows it once, in a modal with a copy button (never in
 * a notification, a page or a log). `afterwards` says what happens next, e.g. how to finish a rotation.
 */
export async function showUnstoredSecret(error: SecretNotStoredError, clipboard: SecretClipboard, afterwards?: string): Promise<void> {
  const copy = vscode.l10n.t('Copy Secret');
  const message = vscode.l10n.t(
    'Key {0} was created, but VS Code secret storage refused its secret. Copy it now: it is shown only once.',
    error.created.key.id,
  );
  const choice = await vscode.window.showWarningMessage(
    afterwards ? `${message} ${afterwards}` : message,
    { modal: true, detail: error.created.secret.reveal() },
    copy,
  );
  if (choice === copy) await clipboard.copy(error.created.secret);
}

/** Shows a secret a rotation could not store, once, and how to go on. */
export async function showUnstoredRotationSecret(error: SecretNotStoredError, s: { readonly clipboard: SecretClipboard }): Promise<void> {
  await showUnstoredSecret(error, s.clipboard, vscode.l10n.t('The rotation stopped; roll it back from "Resume Rotations".'));
}
