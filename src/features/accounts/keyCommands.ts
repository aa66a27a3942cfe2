import * as vscode from 'vscode';
import type { Secret } from '../../model/secret';
import type { AccessKey } from '../../model/types';
import type { CreateJournal } from '../../operations/createJournal';
import { createKeyStoringSecret, deleteKeyAndSecret, SecretNotStoredError, type KeySecretSink } from '../../operations/keyOperations';
import { lockoutRisk, typedConfirmation, type LockoutRisk } from '../../operations/keyLockout';
import type { SecretClipboard } from '../../services/secretClipboard';
import { CLOUD_NAMES, keyKindName } from '../../views/cloudNames';
import type { AccountNode, KeyNode, UserNode } from '../../views/nodes/treeNodes';
import { usesBeforeChange } from '../keyUses/usesBeforeChange';
import { showUnstoredSecret } from '../../commands/unstoredSecret';
import { COMMAND_IDS } from '../../commands/commandIds';
import { askCreateOptions, askExpiry, askKeyKind } from './keyInputs';
import { pickAccount, pickKey, pickUser, type PickerServices } from '../../commands/pickers';
import { readNodeSecret, withCancellableProgress } from '../../commands/progress';
import { accountOrUserArg, commandOptions, keyNodeArg, optionsArg } from '../../commands/commandArgs';
import { registerCommand, registerDrivenCommand, type CommandContext } from '../../commands/registerCommand';
import { formatDateTime } from '../../util/formatDate';

export interface KeyCommandServices extends PickerServices {
  readonly clipboard: SecretClipboard;
  /** Records each create until its secret is stored, so a crash in between is recovered at the next start. */
  readonly createJournal: CreateJournal;
}

function keyLabel(key: AccessKey): string {
  return key.displayName ? `"${key.displayName}" (${key.id})` : key.id;
}

function where(node: KeyNode | UserNode): string {
  return vscode.l10n.t('{0} in {1} ({2})', node.user.name, node.account.label, CLOUD_NAMES[node.account.cloud]);
}

/** The lines of a confirmation that say what a step on this key can lock out. */
function lockoutLines(keyNode: KeyNode, risk: LockoutRisk): string[] {
  return [
    risk.signsWith
      ? vscode.l10n.t(
          'Cloud Keys signs its calls to {0} with this key: without it, Cloud Keys and every tool using {1} lose access to the account until it names another key.',
          keyNode.account.label,
          keyNode.account.source,
        )
      : '',
    risk.lastActive
      ? vscode.l10n.t('It is the last active key of {0}: no key of any kind would be left for {0} to sign in with.', keyNode.user.name)
      : '',
  ].filter(Boolean);
}

/**
 * A modal naming the key, the user and the account; where the deletion can lock someone out (the
 * key the account signs with, the user's last active key of any kind), then typing the key's name
 * or the last characters of its id.
 */
async function confirmDelete(keyNode: KeyNode, keysOfUser: readonly AccessKey[], risk: LockoutRisk): Promise<boolean> {
  const { key } = keyNode;
  const deleteLabel = vscode.l10n.t('Delete');
  const showUses = vscode.l10n.t('Show Uses');
  const uses = await usesBeforeChange(keyNode);
  const detail = [
    vscode.l10n.t('Anything that still uses this key will stop working. This cannot be undone.'),
    ...(uses?.lines ?? []),
    ...lockoutLines(keyNode, risk),
  ].join('\n');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Delete key {0} of {1}?', keyLabel(key), where(keyNode)),
    { modal: true, detail },
    deleteLabel,
    ...(uses && uses.count > 0 ? [showUses] : []),
  );
  if (answer === showUses) uses?.show();
  if (answer !== deleteLabel) return false;
  if (!risk.signsWith && !risk.lastActive) return true;
  const confirmation = typedConfirmation(key, keysOfUser);
  const { expected } = confirmation;
  const ask = {
    name: vscode.l10n.t("Type the key's name, {0}, to delete it", expected),
    'fingerprint-tail': vscode.l10n.t('Type the last 6 digits of the fingerprint, {0}, to delete it', expected),
    'id-tail': vscode.l10n.t('Type the last 6 characters of the key id, {0}, to delete it', expected),
  }[confirmation.what];
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('Delete key {0} of {1}', keyLabel(key), keyNode.user.name),
    prompt: ask,
    placeHolder: expected,
    ignoreFocusOut: true,
    validateInput: (text) => (confirmation.matches(text) ? undefined : ask),
  });
  return typed !== undefined && confirmation.matches(typed);
}

/** A modal naming the key, the user and the account: deactivating stops everything that uses the key. */
async function confirmDeactivate(keyNode: KeyNode, risk: LockoutRisk): Promise<boolean> {
  const go = vscode.l10n.t('Deactivate');
  const detail = [
    vscode.l10n.t('Everything that uses this key stops working until it is activated again.'),
    ...lockoutLines(keyNode, risk),
  ].join('\n');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Deactivate key {0} of {1}?', keyLabel(keyNode.key), where(keyNode)),
    { modal: true, detail },
    go,
  );
  return answer === go;
}

async function resolveUser(node: AccountNode | UserNode | undefined, s: KeyCommandServices): Promise<UserNode | undefined> {
  if (node?.kind === 'user') return node;
  const accountNode = node ?? (await pickAccount(s));
  return accountNode ? pickUser(s, accountNode.account) : undefined;
}

/** A key's secret (`readNodeSecret`), or why there is none, said to the user. */
async function readSecret(node: KeyNode, s: KeyCommandServices): Promise<Secret | undefined> {
  const secret = await readNodeSecret(s, node);
  if (secret) return secret;
  void vscode.window.showInformationMessage(
    vscode.l10n.t(
      'The secret of {0} is not stored here: the key was created elsewhere, and {1} shows a secret only once.',
      node.key.id,
      CLOUD_NAMES[node.account.cloud],
    ),
  );
  return undefined;
}

export function registerKeyCommands(ctx: CommandContext, s: KeyCommandServices): vscode.Disposable[] {
  const sinkFor = (cloud: KeyNode['account']['cloud']): KeySecretSink => ({
    storeKeySecret: (key, secret) => s.secrets.storeKeySecret(key, cloud, secret),
    deleteKeySecret: (key) => s.secrets.deleteKeySecret(key),
  });
  /** The user's keys (every kind) and what a step on this key can lock out. */
  const riskOf = async (keyNode: KeyNode): Promise<[readonly AccessKey[], LockoutRisk]> => {
    const keys = await s.browser.keys(keyNode.account, keyNode.user);
    const provider = s.registry.provider(keyNode.account);
    return [keys, lockoutRisk(keyNode.key, keys, (key) => provider.signsWith?.(key) ?? false)];
  };
  const keyArg = async (command: string, node: unknown, filter?: (key: AccessKey) => boolean) =>
    keyNodeArg(command, node) ?? pickKey(s, filter);

  return [
    registerCommand(
      COMMAND_IDS.createKey,
      async (node?: unknown, preset?: unknown) => {
        const { schema, takes } = commandOptions().createKey;
        const given =
          preset === undefined
            ? undefined
            : optionsArg(COMMAND_IDS.createKey, 'second argument (the key to create)', preset, schema, takes);
        const userNode = await resolveUser(accountOrUserArg(COMMAND_IDS.createKey, node), s);
        if (!userNode) return;
        const kind = given?.kind ?? (await askKeyKind(userNode.account, userNode.user));
        if (!kind) return;
        const options = given?.options ?? (await askCreateOptions(userNode.account, kind));
        if (!options) return;
        const provider = s.registry.provider(userNode.account);
        try {
          const created = await withCancellableProgress(
            vscode.l10n.t('Creating a new {0} for {1}…', keyKindName(userNode.account.cloud, kind), userNode.user.name),
            (signal) =>
              createKeyStoringSecret(provider, userNode.user, kind, options, sinkFor(userNode.account.cloud), signal, s.createJournal),
          );
          s.tree.refresh(userNode);
          // The quick flow ends where the Create form ends: the key's details, its secret masked, with Reveal and Copy.
          if (given?.showDetails ?? given === undefined) {
            const createdNode: KeyNode = {
              kind: 'key',
              account: userNode.account,
              user: userNode.user,
              key: created.key,
              secretStored: created.secret !== undefined,
            };
            void vscode.commands.executeCommand(COMMAND_IDS.showKeyDetails, createdNode);
          }
          const copyId = created.key.kind === 'api-signing-key' ? vscode.l10n.t('Copy Fingerprint') : vscode.l10n.t('Copy Access Key ID');
          const copySecret = vscode.l10n.t('Copy Secret');
          const saveProfile = vscode.l10n.t('Save to OCI Config…');
          const actions = created.secret
            ? [copyId, copySecret, ...(created.key.kind === 'api-signing-key' ? [saveProfile] : [])]
            : [copyId];
          // Not awaited: the command is done when the key exists; the offer stays as long as the user likes.
          void vscode.window
            .showInformationMessage(
              created.secret
                ? vscode.l10n.t('Created key {0} for {1}. Its secret is saved in VS Code secret storage.', created.key.id, where(userNode))
                : vscode.l10n.t('Created key {0} for {1}.', created.key.id, where(userNode)),
              ...actions,
            )
            .then(async (choice) => {
              if (choice === copyId) await vscode.env.clipboard.writeText(created.key.id);
              if (choice === copySecret && created.secret) await s.clipboard.copy(created.secret);
              if (choice === saveProfile) {
                await vscode.commands.executeCommand(COMMAND_IDS.saveOciProfile, {
                  kind: 'key',
                  account: userNode.account,
                  user: userNode.user,
                  key: created.key,
                  secretStored: true,
                } satisfies KeyNode);
              }
            });
          return created.key;
        } catch (error) {
          if (error instanceof SecretNotStoredError) {
            ctx.logger.error(error.message);
            s.tree.refresh(userNode);
            return showUnstoredSecret(error, s.clipboard);
          }
          throw error;
        }
      },
      ctx,
    ),

    registerDrivenCommand(
      COMMAND_IDS.deleteKey,
      async (driven, node?: unknown) => {
        const keyNode = await keyArg(COMMAND_IDS.deleteKey, node);
        if (!keyNode) return;
        const { key } = keyNode;
        const confirmed = driven.confirmed || (await confirmDelete(keyNode, ...(await riskOf(keyNode))));
        if (!confirmed) return;
        await withCancellableProgress(vscode.l10n.t('Deleting key {0}…', key.id), (signal) =>
          deleteKeyAndSecret(s.registry.provider(keyNode.account), key, sinkFor(keyNode.account.cloud), signal),
        );
        s.tree.refresh(s.tree.userNode(keyNode.account, keyNode.user));
        void vscode.window.showInformationMessage(vscode.l10n.t('Deleted key {0} of {1}.', keyLabel(key), where(keyNode)));
      },
      ctx,
    ),

    ...(['active', 'inactive'] as const).map((state) =>
      registerDrivenCommand(
        state === 'active' ? COMMAND_IDS.activateKey : COMMAND_IDS.deactivateKey,
        async (driven, node?: unknown) => {
          const keyNode = await keyArg(
            state === 'active' ? COMMAND_IDS.activateKey : COMMAND_IDS.deactivateKey,
            node,
            (k) => k.state !== state,
          );
          if (!keyNode) return;
          const provider = s.registry.provider(keyNode.account);
          if (!provider.capabilities(keyNode.key.kind).canDeactivate) {
            void vscode.window.showInformationMessage(
              vscode.l10n.t('{0} keys of this kind cannot be deactivated, only deleted.', CLOUD_NAMES[keyNode.account.cloud]),
            );
            return;
          }
          // The test API's `confirmed` answers the question, as for Delete.
          if (state === 'inactive' && !driven.confirmed && !(await confirmDeactivate(keyNode, (await riskOf(keyNode))[1]))) return;
          const verb = state === 'active' ? vscode.l10n.t('Activating') : vscode.l10n.t('Deactivating');
          await withCancellableProgress(`${verb} ${keyNode.key.id}…`, (signal) => provider.updateKey(keyNode.key, { state }, signal));
          s.tree.refresh(s.tree.userNode(keyNode.account, keyNode.user));
          void vscode.window.showInformationMessage(
            state === 'active'
              ? vscode.l10n.t('Activated key {0} of {1}.', keyLabel(keyNode.key), where(keyNode))
              : vscode.l10n.t('Deactivated key {0} of {1}.', keyLabel(keyNode.key), where(keyNode)),
          );
        },
        ctx,
      ),
    ),

    registerCommand(
      COMMAND_IDS.renameKey,
      async (node?: unknown) => {
        const keyNode = await keyArg(COMMAND_IDS.renameKey, node);
        if (!keyNode) return;
        const provider = s.registry.provider(keyNode.account);
        if (!provider.capabilities(keyNode.key.kind).canRename) {
          void vscode.window.showInformationMessage(vscode.l10n.t('Keys of this kind have no name to change.'));
          return;
        }
        const name = await vscode.window.showInputBox({
          title: vscode.l10n.t('New name for {0}', keyNode.key.id),
          value: keyNode.key.displayName ?? '',
        });
        if (name === undefined || name === keyNode.key.displayName) return;
        await withCancellableProgress(vscode.l10n.t('Renaming {0}…', keyNode.key.id), (signal) =>
          provider.updateKey(keyNode.key, { displayName: name }, signal),
        );
        s.tree.refresh(s.tree.userNode(keyNode.account, keyNode.user));
        void vscode.window.showInformationMessage(vscode.l10n.t('Renamed key {0} to "{1}".', keyNode.key.id, name));
      },
      ctx,
    ),

    registerCommand(
      COMMAND_IDS.setKeyExpiry,
      async (node?: unknown) => {
        const keyNode = await keyArg(COMMAND_IDS.setKeyExpiry, node);
        if (!keyNode) return;
        const provider = s.registry.provider(keyNode.account);
        if (!provider.capabilities(keyNode.key.kind).canExpire) {
          void vscode.window.showInformationMessage(
            vscode.l10n.t('{0} keys of this kind have no expiration date.', CLOUD_NAMES[keyNode.account.cloud]),
          );
          return;
        }
        const expiresAt = await askExpiry(keyNode.key.expiresAt);
        if (expiresAt === undefined) return;
        await withCancellableProgress(vscode.l10n.t('Updating {0}…', keyNode.key.id), (signal) =>
          provider.updateKey(keyNode.key, { expiresAt }, signal),
        );
        s.tree.refresh(s.tree.userNode(keyNode.account, keyNode.user));
        void vscode.window.showInformationMessage(
          expiresAt
            ? vscode.l10n.t('Key {0} now expires on {1}.', keyNode.key.id, formatDateTime(expiresAt))
            : vscode.l10n.t('Key {0} no longer expires.', keyNode.key.id),
        );
      },
      ctx,
    ),

    registerCommand(
      COMMAND_IDS.copyAccessKeyId,
      async (node?: unknown) => {
        const keyNode = await keyArg(COMMAND_IDS.copyAccessKeyId, node);
        if (!keyNode) return;
        await vscode.env.clipboard.writeText(keyNode.key.id);
        vscode.window.setStatusBarMessage(vscode.l10n.t('Copied access key id {0}', keyNode.key.id), 3000);
      },
      ctx,
    ),

    registerCommand(
      COMMAND_IDS.copySecret,
      async (node?: unknown) => {
        const keyNode = await keyArg(COMMAND_IDS.copySecret, node);
        if (!keyNode) return;
        const secret = await readSecret(keyNode, s);
        if (!secret) return;
        const seconds = await s.clipboard.copy(secret);
        vscode.window.setStatusBarMessage(
          seconds > 0
            ? vscode.l10n.t('Copied the secret of {0}; the clipboard is cleared in {1} s', keyNode.key.id, seconds)
            : vscode.l10n.t('Copied the secret of {0}', keyNode.key.id),
          4000,
        );
      },
      ctx,
    ),

    registerCommand(
      COMMAND_IDS.revealSecret,
      async (node?: unknown) => {
        const keyNode = await keyArg(COMMAND_IDS.revealSecret, node);
        if (!keyNode) return;
        const secret = await readSecret(keyNode, s);
        if (!secret) return;
        const copy = vscode.l10n.t('Copy Secret');
        const choice = await vscode.window.showInformationMessage(
          vscode.l10n.t('Secret of key {0} ({1})', keyNode.key.id, where(keyNode)),
          { modal: true, detail: secret.reveal() },
          copy,
        );
        if (choice === copy) await s.clipboard.copy(secret);
      },
      ctx,
    ),
  ];
}
