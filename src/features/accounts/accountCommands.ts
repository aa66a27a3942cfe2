import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type * as z from 'zod/mini';
import { CloudIdSchema } from '../../model/schemas';
import { lazySchema } from '../../model/lazySchema';
import { Secret } from '../../model/secret';
import { CLOUD_IDS, manualCredentialName, type Account, type CloudId } from '../../model/types';
import type { AccountPreferences } from '../../operations/accountRegistry';
import { CLOUD_NAMES } from '../../views/cloudNames';
import type { AccountNode } from '../../views/nodes/treeNodes';
import { accountNodeArg } from '../../commands/commandArgs';
import { COMMAND_IDS } from '../../commands/commandIds';
import { pickAccount, type PickerServices } from '../../commands/pickers';
import { withCancellableProgress } from '../../commands/progress';
import { registerCommand, type CommandContext } from '../../commands/registerCommand';

export interface AccountCommandServices extends PickerServices {
  readonly preferences: AccountPreferences;
}

async function accountArg(command: string, node: unknown, s: PickerServices): Promise<AccountNode | undefined> {
  return accountNodeArg(command, node) ?? pickAccount(s);
}

async function testConnection(account: Account, s: AccountCommandServices): Promise<void> {
  const provider = s.registry.provider(account);
  const me = await withCancellableProgress(vscode.l10n.t('Connecting to {0}…', account.label), (signal) => provider.whoAmI(signal));
  const facts = [
    vscode.l10n.t('Signed in as {0}', me.name),
    account.region ? vscode.l10n.t('region {0}', account.region) : undefined,
    account.endpoint ? vscode.l10n.t('endpoint {0}', account.endpoint) : undefined,
    vscode.l10n.t('credentials from {0}', account.source),
  ].filter(Boolean);
  void vscode.window.showInformationMessage(`${account.label} (${CLOUD_NAMES[account.cloud]}): ${facts.join(', ')}.`);
}

/** Lets a caller (a test, a script) add a hand-entered account without the questions. */
const AddAccountPresetSchema = lazySchema((z) =>
  z.strictObject({
    cloud: CloudIdSchema,
    label: z.string().check(z.trim(), z.minLength(1)),
    /** Values by `ManualField.name`; fields left out count as left empty. */
    fields: z.record(z.string(), z.string()),
  }),
);
type AddAccountPreset = z.infer<typeof AddAccountPresetSchema>;

/** Asks for a hand-entered account's fields; secrets go to SecretStorage, the rest to global state. */
async function enterAccount(cloud: CloudId, s: AccountCommandServices, preset?: AddAccountPreset): Promise<Account | undefined> {
  const label = preset
    ? preset.label
    : await vscode.window.showInputBox({
        title: vscode.l10n.t('Add a {0} account', CLOUD_NAMES[cloud]),
        prompt: vscode.l10n.t('A name for this account, as the tree will show it'),
        validateInput: (text) => (text.trim() ? undefined : vscode.l10n.t('Give the account a name')),
      });
  if (!label) return undefined;
  const details: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  for (const field of s.registry.manualFields(cloud)) {
    if (preset && field.required && !preset.fields[field.name]?.trim())
      throw new Error(`Add Account: the field "${field.name}" is required.`);
    const value = preset
      ? (preset.fields[field.name] ?? '')
      : await vscode.window.showInputBox({
          title: `${label}: ${field.label}`,
          placeHolder: field.placeholder,
          password: field.masked ?? field.secret,
          ignoreFocusOut: true,
          prompt: field.required ? undefined : vscode.l10n.t('Optional'),
          validateInput: (text) => (field.required && !text.trim() ? vscode.l10n.t('{0} is required', field.label) : undefined),
        });
    if (value === undefined) return undefined;
    if (!value.trim()) continue;
    (field.secret ? secrets : details)[field.name] = field.multiline ? value.replace(/\\n/g, '\n') : value.trim();
  }
  const id = `${cloud}:manual:${randomUUID()}`;
  const account: Account = {
    id,
    cloud,
    label: label.trim(),
    source: vscode.l10n.t('entered by hand'),
    origin: { kind: 'manual' },
    region: details.region,
    endpoint: details.endpoint,
    details,
  };
  await s.secrets.credentials.store(manualCredentialName(id), new Secret(JSON.stringify(secrets)));
  await s.preferences.addManualAccount(account);
  return account;
}

export function registerAccountCommands(ctx: CommandContext, s: AccountCommandServices): vscode.Disposable[] {
  return [
    registerCommand(
      COMMAND_IDS.addAccount,
      async (preset?: unknown) => {
        if (preset !== undefined) {
          const parsed = AddAccountPresetSchema.safeParse(preset);
          if (!parsed.success) throw new Error('Add Account takes { cloud, label, fields: { <field name>: value } } as its argument.');
          const account = await enterAccount(parsed.data.cloud, s, parsed.data);
          if (!account) return undefined;
          s.tree.refresh();
          await testConnection(account, s);
          return account;
        }
        const cloud = await vscode.window.showQuickPick(
          CLOUD_IDS.map((id) => ({ label: CLOUD_NAMES[id], id })),
          { placeHolder: vscode.l10n.t('Which cloud?') },
        );
        if (!cloud) return;
        const { hidden } = await s.registry.list();
        const hiddenOfCloud = hidden.filter((a) => a.cloud === cloud.id);
        const enter = { label: vscode.l10n.t('$(key) Enter credentials…'), account: undefined as Account | undefined };
        const choice = hiddenOfCloud.length
          ? await vscode.window.showQuickPick(
              [...hiddenOfCloud.map((account) => ({ label: account.label, description: account.source, account })), enter],
              {
                placeHolder: vscode.l10n.t('Show a hidden account again, or enter credentials'),
              },
            )
          : enter;
        if (!choice) return;
        const account = choice.account ?? (await enterAccount(cloud.id, s));
        if (!account) return;
        if (choice.account) await s.preferences.setHidden(account.id, false);
        s.tree.refresh();
        await testConnection(account, s);
      },
      ctx,
    ),

    registerCommand(
      COMMAND_IDS.testConnection,
      async (node?: unknown) => {
        const accountNode = await accountArg(COMMAND_IDS.testConnection, node, s);
        if (accountNode) await testConnection(accountNode.account, s);
      },
      ctx,
    ),

    registerCommand(
      COMMAND_IDS.hideAccount,
      async (node?: unknown) => {
        const accountNode = await accountArg(COMMAND_IDS.hideAccount, node, s);
        if (!accountNode) return;
        await s.preferences.setHidden(accountNode.account.id, true);
        s.tree.refresh();
        void vscode.window.showInformationMessage(
          vscode.l10n.t('{0} is hidden. "Cloud Keys: Show Hidden Accounts" brings it back.', accountNode.account.label),
        );
      },
      ctx,
    ),

    registerCommand(
      COMMAND_IDS.showHiddenAccounts,
      async () => {
        const { hidden } = await s.registry.list();
        if (hidden.length === 0) {
          void vscode.window.showInformationMessage(vscode.l10n.t('No account is hidden.'));
          return;
        }
        const picked = await vscode.window.showQuickPick(
          hidden.map((account) => ({
            label: account.label,
            description: `${CLOUD_NAMES[account.cloud]} · ${account.source}`,
            account,
            picked: true,
          })),
          { canPickMany: true, placeHolder: vscode.l10n.t('Accounts to show again') },
        );
        if (!picked?.length) return;
        for (const item of picked) await s.preferences.setHidden(item.account.id, false);
        s.tree.refresh();
      },
      ctx,
    ),

    registerCommand(
      COMMAND_IDS.removeAccount,
      async (node?: unknown) => {
        const accountNode = await accountArg(COMMAND_IDS.removeAccount, node, s);
        if (!accountNode) return;
        const { account } = accountNode;
        const remove = vscode.l10n.t('Remove');
        const manual = account.origin.kind === 'manual';
        const answer = await vscode.window.showWarningMessage(
          vscode.l10n.t('Remove {0} from Cloud Keys?', account.label),
          {
            modal: true,
            detail: manual
              ? vscode.l10n.t('Its credentials are deleted from VS Code secret storage. Keys at the cloud are not touched.')
              : vscode.l10n.t(
                  'It comes from {0}, which Cloud Keys never edits: the account is hidden, and what Cloud Keys stored for it (a passphrase) is forgotten.',
                  account.source,
                ),
          },
          remove,
        );
        if (answer !== remove) return;
        await s.secrets.credentials.delete(manualCredentialName(account.id));
        if (manual) await s.preferences.removeManualAccount(account.id);
        else await s.preferences.setHidden(account.id, true);
        s.tree.refresh();
        void vscode.window.showInformationMessage(vscode.l10n.t('Removed {0}.', account.label));
      },
      ctx,
    ),
  ];
}
