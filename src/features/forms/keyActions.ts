import * as vscode from 'vscode';
import { CloudError } from '../../model/cloudError';
import type { Secret } from '../../model/secret';
import type { AccessKey, Account } from '../../model/types';
import { readKeySecret } from '../../operations/keySecret';
import type { FeatureServices } from '../../services/featureServices';
import type { PanelHost } from '../../webview/panelHost';
import type { KeyAddress, WebviewToHost } from '../../webview/protocol';

export type FormsServices = Pick<
  FeatureServices,
  'registry' | 'browser' | 'tree' | 'secrets' | 'clipboard' | 'logger' | 'context' | 'createJournal'
>;

/** Finds the account and the current state of a key a page names. */
export async function findKey(s: FormsServices, ref: KeyAddress, signal?: AbortSignal): Promise<{ account: Account; key: AccessKey }> {
  const account = await s.registry.find(ref.accountId);
  if (!account) throw new CloudError('not-found', 'That account is no longer configured. Refresh the Cloud Keys view.');
  const keys = await s.registry.provider(account).listKeys(ref.userId, signal);
  const key = keys.find((k) => k.id === ref.keyId && k.kind === ref.kind);
  if (!key)
    throw new CloudError('not-found', `Key ${ref.keyId} no longer exists at ${account.label}. It may have been deleted elsewhere.`, {
      cloud: account.cloud,
    });
  return { account, key };
}

/** A key's secret (`readKeySecret`), for a key a page names. */
export function readRefSecret(s: FormsServices, ref: KeyAddress): Promise<Secret | undefined> {
  return readKeySecret(
    s.secrets,
    { accountId: ref.accountId, kind: ref.kind, id: ref.keyId },
    {
      provider: async () => {
        const account = await s.registry.find(ref.accountId);
        return account && s.registry.provider(account);
      },
      fullKey: async (signal) => (await findKey(s, ref, signal)).key,
    },
  );
}

/**
 * The key actions every panel offers. Reveal sends the secret to the page only while it is shown;
 * Copy never sends it to the page at all. Returns false for messages that are not key actions.
 */
export async function handleKeyAction(
  message: WebviewToHost,
  s: FormsServices,
  host: PanelHost,
  openDetails: (ref: KeyAddress) => unknown,
): Promise<boolean> {
  switch (message.type) {
    case 'reveal-secret': {
      const secret = await readRefSecret(s, message.key);
      if (!secret) {
        host.post({
          type: 'error',
          message: vscode.l10n.t('The secret of {0} is not stored here, and its cloud shows a secret only once.', message.key.keyId),
        });
      } else if (host.visible) {
        host.post({ type: 'secret', keyId: message.key.keyId, value: secret.reveal() });
      }
      return true;
    }
    case 'copy-secret': {
      const secret = await readRefSecret(s, message.key);
      if (!secret) {
        host.post({
          type: 'error',
          message: vscode.l10n.t('The secret of {0} is not stored here, and its cloud shows a secret only once.', message.key.keyId),
        });
        return true;
      }
      const seconds = await s.clipboard.copy(secret);
      host.post({
        type: 'notice',
        message:
          seconds > 0
            ? vscode.l10n.t('Copied the secret of {0}; the clipboard is cleared in {1} s.', message.key.keyId, seconds)
            : vscode.l10n.t('Copied the secret of {0}.', message.key.keyId),
      });
      return true;
    }
    case 'copy-id':
      await vscode.env.clipboard.writeText(message.key.keyId);
      host.post({ type: 'notice', message: vscode.l10n.t('Copied {0}.', message.key.keyId) });
      return true;
    case 'open-details':
      await openDetails(message.key);
      return true;
    default:
      return false;
  }
}
