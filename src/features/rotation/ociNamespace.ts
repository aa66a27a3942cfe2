import * as vscode from 'vscode';
import type { CloudProvider } from '../../clouds/provider';
import { describeError, isCloudError } from '../../model/cloudError';
import type { Account } from '../../model/types';
import type { Logger } from '../../util/logger';
import { withCancellableProgress } from '../../commands/progress';

/** Why reading the namespace did not work, in words for the user; `undefined` when they cancelled. */
function reasonOf(error: unknown): string | undefined {
  return isCloudError(error) && error.code === 'cancelled' ? undefined : describeError(error);
}

function askNamespace(account: Account, failed: boolean): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('Object Storage namespace of {0}', account.label),
    prompt: failed
      ? vscode.l10n.t(
          'Cloud Keys could not read it (see the notification). Copy it from the OCI console: Tenancy details → Object Storage namespace.',
        )
      : vscode.l10n.t(
          'Shown in the OCI console under Tenancy details. The S3 endpoint is <namespace>.compat.objectstorage.<region>.oraclecloud.com.',
        ),
    value: account.details?.namespace ?? '',
    ignoreFocusOut: true,
    validateInput: (text) =>
      /^[a-z0-9-]+$/i.test(text.trim()) ? undefined : vscode.l10n.t('Letters, digits and dashes only, e.g. axaxnpcrorw5'),
  });
}

/**
 * The OCI Object Storage namespace for an S3 export: read from the cloud under a cancellable
 * progress notification, and asked for (pre-filled as before) only when that fails or is cancelled.
 * A failure is logged and its reason shown, so a missing policy or a network problem is visible.
 * `undefined` when the user dismisses the question.
 */
export async function ociNamespaceForExport(provider: CloudProvider, account: Account, logger: Logger): Promise<string | undefined> {
  if (provider.objectStorageNamespace) {
    const read = provider.objectStorageNamespace.bind(provider);
    try {
      return await withCancellableProgress(vscode.l10n.t('Reading the Object Storage namespace of {0}…', account.label), (signal) =>
        read(signal),
      );
    } catch (error) {
      const reason = reasonOf(error);
      if (reason !== undefined) {
        logger.warn(`Could not read the Object Storage namespace of ${account.label}; asking for it instead:`, error);
        void vscode.window.showWarningMessage(
          vscode.l10n.t('Could not read the Object Storage namespace of {0}: {1}', account.label, reason),
        );
      }
      const typed = await askNamespace(account, reason !== undefined);
      return typed?.trim();
    }
  }
  return (await askNamespace(account, false))?.trim();
}
