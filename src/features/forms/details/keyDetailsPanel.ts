import * as vscode from 'vscode';
import { COMMAND_IDS } from '../../../commands/commandIds';
import { isCloudError } from '../../../model/cloudError';
import type { CloudUser } from '../../../model/types';
import type { KeyHealthPolicy } from '../../../operations/keyHealth';
import type { KeyNode } from '../../../views/nodes/treeNodes';
import { findKey, handleKeyAction, type FormsServices } from '../keyActions';
import type { PanelController, PanelHost } from '../../../webview/panelHost';
import type { DetailAction, KeyAddress, WebviewToHost } from '../../../webview/protocol';
import { keyDetails } from './keyDetails';

const COMMANDS: Partial<Record<DetailAction, string>> = {
  activate: COMMAND_IDS.activateKey,
  deactivate: COMMAND_IDS.deactivateKey,
  rename: COMMAND_IDS.renameKey,
  setExpiry: COMMAND_IDS.setKeyExpiry,
  delete: COMMAND_IDS.deleteKey,
  rotate: COMMAND_IDS.rotateWithForm,
};

/** Key Details: every attribute, the stored-secret status, the age against the policy, and the key commands. */
export class KeyDetailsController implements PanelController {
  #node: KeyNode | undefined;

  constructor(
    private readonly host: PanelHost,
    private readonly s: FormsServices,
    private readonly ref: KeyAddress,
    private readonly policy: () => KeyHealthPolicy,
  ) {}

  async onReady(): Promise<void> {
    await this.reload();
  }

  /** Reads the key again from its cloud and sends the page what it shows; false when the key is gone. */
  async reload(): Promise<boolean> {
    try {
      const { account, key } = await findKey(this.s, this.ref);
      const user = await this.#user(account);
      const secretStored = await this.s.secrets.hasKeySecret(key);
      this.#node = { kind: 'key', account, user, key, secretStored };
      const capabilities = this.s.registry.provider(account).capabilities(key.kind);
      this.host.title = vscode.l10n.t('Key {0}', key.displayName || key.id);
      this.host.post({
        type: 'details/data',
        details: keyDetails({ account, user, key, capabilities, secretStored, policy: this.policy(), now: Date.now() }),
      });
      return true;
    } catch (error) {
      this.host.fail(`Reading key ${this.ref.keyId}`, error);
      return !(isCloudError(error) && error.code === 'not-found');
    }
  }

  async onMessage(message: WebviewToHost): Promise<void> {
    if (await handleKeyAction(message, this.s, this.host, () => this.host.reveal())) return;
    if (message.type !== 'details/action') {
      this.s.logger.warn(`Key Details ignored a ${message.type} message`);
      return;
    }
    const { action } = message;
    if (action === 'refresh') {
      await this.reload();
      return;
    }
    if (action === 'copyId') {
      await vscode.env.clipboard.writeText(this.ref.keyId);
      this.host.post({ type: 'notice', message: vscode.l10n.t('Copied {0}.', this.ref.keyId) });
      return;
    }
    const command = COMMANDS[action];
    if (!command || !this.#node) return;
    await vscode.commands.executeCommand(command, this.#node);
    if (!(await this.reload())) {
      // The key is gone (deleted here or elsewhere): nothing is left to show.
      void vscode.window.showInformationMessage(vscode.l10n.t('Key {0} no longer exists; its details panel closed.', this.ref.keyId));
      this.host.dispose();
    }
  }

  async #user(account: Parameters<FormsServices['browser']['users']>[0]): Promise<CloudUser> {
    try {
      const view = await this.s.browser.users(account);
      const found = view.users.find((u) => u.id === this.ref.userId);
      if (found) return found;
    } catch {
      // The key was found, so the account works; fall back to the id as the name.
    }
    return { id: this.ref.userId, accountId: account.id, name: this.ref.userId, isCaller: false };
  }

  dispose(): void {
    this.#node = undefined;
  }
}
