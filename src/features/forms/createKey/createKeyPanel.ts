import * as vscode from 'vscode';
import { isCloudError } from '../../../model/cloudError';
import { cloudDescriptor } from '../../../clouds/descriptors';
import { isS3CredentialKind, type Account, type CloudUser, type KeyKind } from '../../../model/types';
import { createKeyStoringSecret, SecretNotStoredError } from '../../../operations/keyOperations';
import { COMMAND_IDS } from '../../../commands/commandIds';
import { withCancellableProgress } from '../../../commands/progress';
import { resourceTypeFor } from '../../../terraform/resourceTypes';
import type { KeyNode } from '../../../views/nodes/treeNodes';
import { CLOUD_NAMES, keyKindName } from '../../../views/cloudNames';
import { handleKeyAction, type FormsServices } from '../keyActions';
import { PanelHost, type PanelController } from '../../../webview/panelHost';
import type { AccountChoice, HostToWebview, KeyAddress, WebviewToHost } from '../../../webview/protocol';
import { toKeyView } from '../../../webview/shared/keyView';
import { accountChoice, secretLabel, userChoice } from './choices';
import { checkCreateForm, checkPublicKey } from './createKeyForm';
import { showUnstoredSecret } from '../../../commands/unstoredSecret';

/** Where the form starts: an account, and a user in it, when opened from the tree. */
export interface CreateKeyPreset {
  readonly accountId: string;
  readonly userId?: string;
}

const MAX_USERS = 2000;

/**
 * The Create Key panel: lists accounts and users, shows the slots left, validates, creates through
 * `createKeyStoringSecret` (the secret is in SecretStorage before the page hears of the key), and
 * keeps the result (never the secret) so a page shown again after being hidden still shows it.
 */
export class CreateKeyController implements PanelController {
  #accounts: AccountChoice[] = [];
  #accountObjects = new Map<string, Account>();
  readonly #users = new Map<string, CloudUser[]>();
  #created: Extract<HostToWebview, { type: 'create/created' }> | undefined;
  /** The key just created, for the result's Export and Generate Terraform buttons. */
  #createdNode: KeyNode | undefined;
  #abort: AbortController | undefined;

  constructor(
    private readonly host: PanelHost,
    private readonly s: FormsServices,
    private preset: CreateKeyPreset | undefined,
    private readonly openDetails: (ref: KeyAddress) => unknown,
  ) {}

  /** Opened again from the tree for another account or user. */
  preselect(preset: CreateKeyPreset | undefined): void {
    if (!preset || this.#abort) return;
    this.preset = preset;
    this.#created = undefined;
    this.#createdNode = undefined;
    void this.#sendAccounts().catch((error: unknown) => this.host.fail('Listing accounts for the Create Key form', error));
  }

  async onReady(): Promise<void> {
    if (this.#created) this.host.post(this.#created);
    else await this.#sendAccounts();
    if (this.#abort) this.host.post({ type: 'busy', label: vscode.l10n.t('Creating the key…'), cancellable: true });
  }

  async onMessage(message: WebviewToHost): Promise<void> {
    if (await handleKeyAction(message, this.s, this.host, this.openDetails)) return;
    switch (message.type) {
      case 'create/account':
        return this.#sendUsers(message.accountId);
      case 'create/user':
        return this.#sendSlots(message.accountId, message.userId, message.kind);
      case 'create/check-public-key': {
        const checked = checkPublicKey(message.pem);
        this.host.post({ type: 'create/public-key', requestId: message.requestId, ok: checked.ok, message: checked.message });
        return;
      }
      case 'create/submit':
        return this.#submit(message.form);
      case 'create/export':
      case 'create/terraform': {
        const node = this.#createdNode;
        if (!node) return;
        // Exporting an OCI API signing key means saving its private key and an OCI config profile.
        const exportCommand = node.key.kind === 'api-signing-key' ? COMMAND_IDS.saveOciProfile : COMMAND_IDS.exportKey;
        await vscode.commands.executeCommand(message.type === 'create/export' ? exportCommand : COMMAND_IDS.generateTerraform, node);
        return;
      }
      case 'create/again':
        this.#created = undefined;
        this.#createdNode = undefined;
        return this.#sendAccounts();
      case 'cancel':
        this.#abort?.abort();
        return;
      default:
        this.s.logger.warn(`The Create Key panel ignored a ${message.type} message`);
    }
  }

  async #sendAccounts(): Promise<void> {
    const { accounts } = await this.s.registry.list();
    this.#accountObjects = new Map(accounts.map((a) => [a.id, a]));
    this.#accounts = accounts.map((a) => accountChoice(a, this.s.registry.provider(a))).filter((a) => a.kinds.length > 0);
    const selected = this.preset && this.#accountObjects.has(this.preset.accountId) ? this.preset : undefined;
    this.host.post({
      type: 'create/accounts',
      accounts: this.#accounts,
      today: new Date().toISOString().slice(0, 10),
      ...(selected ? { selected } : {}),
    });
  }

  async #sendUsers(accountId: string): Promise<void> {
    const account = this.#accountObjects.get(accountId);
    if (!account) return;
    try {
      let view = await this.s.browser.users(account);
      while (view.hasMore && view.loaded < MAX_USERS) view = await this.s.browser.loadMore(account);
      this.#users.set(accountId, [...view.users]);
      const selectedUserId = this.preset?.accountId === accountId ? this.preset.userId : undefined;
      this.host.post({ type: 'create/users', accountId, users: view.users.map(userChoice), ...(selectedUserId ? { selectedUserId } : {}) });
    } catch (error) {
      this.host.post({ type: 'create/users', accountId, users: [] });
      this.host.fail(`Listing the users of ${account.label}`, error, 'userId');
    }
  }

  async #sendSlots(accountId: string, userId: string, kind: KeyKind): Promise<void> {
    const account = this.#accountObjects.get(accountId);
    const user = this.#users.get(accountId)?.find((u) => u.id === userId);
    const choice = this.#accounts.find((a) => a.id === accountId)?.kinds.find((k) => k.kind === kind);
    if (!account || !user || !choice) return;
    try {
      const keys = await this.s.browser.keys(account, user);
      this.host.post({
        type: 'create/slots',
        accountId,
        userId,
        kind,
        used: keys.filter((k) => k.kind === kind).length,
        max: choice.maxKeysPerUser,
      });
    } catch (error) {
      this.host.fail(`Listing the keys of ${user.name}`, error, 'userId');
    }
  }

  async #submit(form: Extract<WebviewToHost, { type: 'create/submit' }>['form']): Promise<void> {
    if (this.#abort) return;
    const checked = checkCreateForm(form, this.#accounts, (id) => this.#users.get(id), Date.now());
    if (!checked.ok) {
      this.host.post({ type: 'create/field-errors', errors: checked.errors });
      return;
    }
    const account = this.#accountObjects.get(checked.account.id)!;
    const { user, kind, options } = checked;
    const provider = this.s.registry.provider(account);
    const title = vscode.l10n.t('Creating a new {0} for {1}…', keyKindName(account.cloud, kind.kind), user.name);
    const abort = new AbortController();
    this.#abort = abort;
    this.host.post({ type: 'busy', label: title, cancellable: true });
    try {
      const created = await withCancellableProgress(title, (signal) =>
        createKeyStoringSecret(
          provider,
          user,
          kind.kind,
          options,
          {
            storeKeySecret: (key, secret) => this.s.secrets.storeKeySecret(key, account.cloud, secret),
            deleteKeySecret: (key) => this.s.secrets.deleteKeySecret(key),
          },
          AbortSignal.any([signal, abort.signal]),
          this.s.createJournal,
        ),
      );
      this.s.tree.refresh(this.s.tree.userNode(account, user));
      this.s.logger.info(`Created key ${created.key.id} for ${user.name} in ${account.label} from the Create Key form`);
      this.#created = {
        type: 'create/created',
        key: toKeyView(created.key, account),
        account: account.label,
        user: user.name,
        cloudName: CLOUD_NAMES[account.cloud],
        secretStored: created.secret !== undefined,
        secretLabel: secretLabel(account, kind.kind),
        followUps: [
          ...(created.secret !== undefined && (isS3CredentialKind(created.key.kind) || cloudDescriptor(account.cloud).offersConfigProfile)
            ? (['export'] as const)
            : []),
          ...(resourceTypeFor(account.cloud, created.key.kind) ? (['terraform'] as const) : []),
        ],
      };
      this.#createdNode = { kind: 'key', account, user, key: created.key, secretStored: created.secret !== undefined };
      this.preset = { accountId: account.id, userId: user.id };
      this.host.post(this.#created);
    } catch (error) {
      this.host.post({ type: 'idle' });
      if (error instanceof SecretNotStoredError) {
        this.s.tree.refresh(this.s.tree.userNode(account, user));
        this.host.fail('Creating a key from the form', error);
        await showUnstoredSecret(error, this.s.clipboard);
      } else if (isCloudError(error) && error.code === 'cancelled') {
        this.host.post({
          type: 'notice',
          message: vscode.l10n.t('Cancelled. Refresh the tree to check whether {0} got a new key anyway.', user.name),
        });
      } else {
        const field =
          isCloudError(error) && error.code === 'quota'
            ? 'userId'
            : isCloudError(error) && error.code === 'invalid' && options.publicKeyPem
              ? 'pem'
              : undefined;
        this.host.fail('Creating a key from the form', error, field);
      }
    } finally {
      this.#abort = undefined;
    }
  }

  dispose(): void {
    this.#abort?.abort();
  }
}
