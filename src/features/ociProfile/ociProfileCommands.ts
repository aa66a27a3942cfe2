import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type * as z from 'zod/mini';
import { cloudDescriptor } from '../../clouds/descriptors';
import type { OciProfilePlan } from '../../operations/exports/ociConfigProfile';
import { loadOciProfileModule } from '../../services/lazyModules';
import type { ExportRecord, ExportRecords } from '../../operations/exports/records';
import type { FeatureServices } from '../../services/featureServices';
import type { KeyNode } from '../../views/nodes/treeNodes';
import { COMMAND_IDS } from '../../commands/commandIds';
import { pickKey } from '../../commands/pickers';
import { commandOptions, keyNodeArg, optionsArg } from '../../commands/commandArgs';
import { registerDrivenCommand } from '../../commands/registerCommand';

/** Lets a caller (a test, a script) skip the questions of Save Private Key and OCI Profile; `confirmed` comes from the test API only. */
type Preset = z.infer<ReturnType<typeof commandOptions>['saveOciProfile']['schema']> & { readonly confirmed?: boolean };

/** The diff and what to know, in a modal; only "Write" writes. */
async function confirmPlan(plan: OciProfilePlan, listedAsAccount: boolean): Promise<boolean> {
  const write = vscode.l10n.t('Write');
  const notes = listedAsAccount
    ? [...plan.notes, vscode.l10n.t('Cloud Keys reads this file, so the profile also shows up as an account of its own.')]
    : plan.notes;
  const answer = await vscode.window.showWarningMessage(
    plan.replaces
      ? vscode.l10n.t('Update profile [{0}] in {1}?', plan.profile, plan.configFile)
      : vscode.l10n.t('Add profile [{0}] to {1}?', plan.profile, plan.configFile),
    { modal: true, detail: [...notes, '', plan.diff].join('\n') },
    write,
  );
  return answer === write;
}

async function askProfile(node: KeyNode, configFile: string): Promise<string | undefined> {
  const { profilesIn, suggestProfileName, validateOciProfileName } = loadOciProfileModule();
  const suggested = suggestProfileName(node.user.name, profilesIn(configFile));
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('OCI profile name for key {0}', node.key.fingerprint ?? node.key.id),
    prompt: vscode.l10n.t('A new profile is added to {0}; the name of an existing profile updates it.', configFile),
    value: suggested,
    validateInput: (text) => validateOciProfileName(text.trim()),
  });
  return typed?.trim() || undefined;
}

async function askKeyFile(node: KeyNode, configFile: string, profile: string): Promise<string | undefined> {
  const { suggestKeyFile } = loadOciProfileModule();
  const uri = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.file(suggestKeyFile(path.dirname(configFile), profile, Date.now())),
    filters: { [vscode.l10n.t('PEM private key')]: ['pem'] },
    title: vscode.l10n.t('Where to save the private key of {0}', node.key.fingerprint ?? node.key.id),
    saveLabel: vscode.l10n.t('Save Private Key Here'),
  });
  return uri?.fsPath;
}

/**
 * "Save Private Key and OCI Profile…": writes the private key of an API signing key generated here
 * to a file (0600) and adds or updates a profile of the OCI config file that names it, after the
 * user has seen the diff; records the export so that rotating the key updates the profile.
 */
export function registerOciProfileCommands(s: FeatureServices, records: ExportRecords): vscode.Disposable[] {
  return [
    registerDrivenCommand(
      COMMAND_IDS.saveOciProfile,
      async (driven, node?: unknown, preset?: unknown) => {
        const { applyOciProfile, checkAbsolutePath, defaultOciConfigFile, planOciProfile } = loadOciProfileModule();
        const { schema, takes } = commandOptions().saveOciProfile;
        const given: Preset = {
          ...optionsArg(COMMAND_IDS.saveOciProfile, 'second argument (the profile)', preset, schema, takes),
          confirmed: driven.confirmed,
        };
        if (given.configFile !== undefined) checkAbsolutePath('config file', given.configFile);
        if (given.keyFile !== undefined) checkAbsolutePath('key file', given.keyFile);
        const keyNode = keyNodeArg(COMMAND_IDS.saveOciProfile, node) ?? (await pickKey(s, (k) => k.kind === 'api-signing-key'));
        if (!keyNode) return undefined;
        const { account, user, key } = keyNode;
        if (!cloudDescriptor(account.cloud).offersConfigProfile || key.kind !== 'api-signing-key') {
          void vscode.window.showInformationMessage(
            vscode.l10n.t('Only OCI API signing keys are saved to an OCI profile; export access keys with "Export Key…".'),
          );
          return undefined;
        }
        const secret = await s.secrets.getKeySecret(key);
        if (!secret) {
          void vscode.window.showInformationMessage(
            vscode.l10n.t(
              'The private key of {0} is not stored here: it was uploaded or created elsewhere, so only its owner has it. Keys generated by Cloud Keys can be saved.',
              key.fingerprint ?? key.id,
            ),
          );
          return undefined;
        }
        const signsWith =
          account.origin.kind === 'config-file' ? { configFile: account.origin.path, profile: account.origin.profile } : undefined;
        const configFile =
          given.configFile ?? defaultOciConfigFile({ accountConfigFile: signsWith?.configFile, env: process.env, homeDir: os.homedir() });
        const profile = given.profile ?? (await askProfile(keyNode, configFile));
        if (!profile) return undefined;
        const keyFile = given.keyFile ?? (await askKeyFile(keyNode, configFile, profile));
        if (!keyFile) return undefined;
        const plan = planOciProfile({
          configFile,
          profile,
          keyFile,
          entries: {
            user: key.userId,
            fingerprint: key.fingerprint ?? key.id,
            tenancy: account.details?.tenancy ?? '',
            region: account.region || account.details?.region || '',
          },
          ...(signsWith ? { signsWith } : {}),
        });
        const listedAsAccount = s.registry.configFiles().some((file) => path.resolve(file) === path.resolve(configFile));
        if (!given.confirmed && !(await confirmPlan(plan, listedAsAccount))) return undefined;
        await applyOciProfile(plan, secret);
        const now = new Date().toISOString();
        const record: ExportRecord = {
          version: 1,
          id: randomUUID(),
          kind: 'oci-config',
          accountId: account.id,
          cloud: 'oci',
          userId: user.id,
          keyKind: key.kind,
          keyId: key.id,
          file: configFile,
          profile,
          keyFile,
          createdAt: now,
          updatedAt: now,
        };
        await records.put(record);
        s.logger.info(`Saved the private key of API key ${key.id} to ${keyFile} and profile [${profile}] to ${configFile}.`);
        const open = vscode.l10n.t('Open Config File');
        void vscode.window
          .showInformationMessage(
            vscode.l10n.t(
              'Saved profile [{0}] to {1}, with the private key in {2}. Rotating {3} updates the profile.',
              profile,
              configFile,
              keyFile,
              key.id,
            ),
            open,
          )
          .then(async (choice) => {
            if (choice === open) await vscode.window.showTextDocument(vscode.Uri.file(configFile));
          });
        return record;
      },
      s.commandContext,
    ),
  ];
}
