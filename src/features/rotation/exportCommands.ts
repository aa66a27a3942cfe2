import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { Secret } from '../../model/secret';
import { isS3CredentialKind, type AccessKey, type Account } from '../../model/types';
import { applyAwsProfile, planAwsProfile, previewAwsProfile, validateProfileName } from '../../operations/exports/awsProfile';
import { writeDotenv } from '../../operations/exports/dotenv';
import { awsVariables, keyAsJson } from '../../operations/exports/formats';
import { describeRecord } from '../../operations/exports/exportUpdater';
import type { ExportKind, ExportRecord, ExportRecords } from '../../operations/exports/records';
import { cloudDescriptor } from '../../clouds/descriptors';
import { s3Endpoint } from '../../operations/exports/s3Endpoints';
import type { FeatureServices } from '../../services/featureServices';
import type { TerminalExport } from './terminalExport';
import type { KeyNode } from '../../views/nodes/treeNodes';
import { COMMAND_IDS } from '../../commands/commandIds';
import { ociNamespaceForExport } from './ociNamespace';
import { pickKey } from '../../commands/pickers';
import { readNodeSecret } from '../../commands/progress';
import { commandOptions, keyNodeArg, optionsArg } from '../../commands/commandArgs';
import { registerCommand, registerDrivenCommand } from '../../commands/registerCommand';

type Format = ExportKind | 'json';

/** Lets a caller (a test, a form) skip the questions of Export Key; `confirmed` comes from the test API only. */
interface ExportPreset {
  readonly format?: Format;
  readonly profile?: string;
  readonly credentialsFile?: string;
  readonly configFile?: string;
  readonly file?: string;
  readonly region?: string;
  readonly endpointUrl?: string;
  readonly confirmed?: boolean;
}

function awsFiles(): { credentialsFile: string; configFile: string } {
  const home = os.homedir();
  return {
    credentialsFile: process.env.AWS_SHARED_CREDENTIALS_FILE || path.join(home, '.aws', 'credentials'),
    configFile: process.env.AWS_CONFIG_FILE || path.join(home, '.aws', 'config'),
  };
}

/**
 * The region and S3 endpoint for an export, asking only what the account does not say. For OCI the
 * namespace is read from the cloud, and asked for only when that fails.
 */
async function s3Settings(
  s: FeatureServices,
  account: Account,
  preset: ExportPreset,
  key: AccessKey,
): Promise<{ region?: string; endpointUrl?: string } | undefined> {
  if (preset.region !== undefined || preset.endpointUrl !== undefined) return { region: preset.region, endpointUrl: preset.endpointUrl };
  const region = account.region ?? account.details?.region;
  const rule = cloudDescriptor(account.cloud).s3;
  if (rule.needs === 'namespace') {
    const namespace = await ociNamespaceForExport(s.registry.provider(account), account, s.logger);
    if (!namespace) return undefined;
    return s3Endpoint({ cloud: account.cloud, region: region ?? rule.defaultRegion, namespace });
  }
  if (rule.needs === 'region') return s3Endpoint({ cloud: account.cloud, region: region ?? rule.defaultRegion });
  // A key that lists its regions (IONOS Object Storage access keys) is offered only those.
  const known = Object.entries(rule.locations ?? {});
  const own = known.filter(([id]) => key.regions?.includes(id));
  const location = await vscode.window.showQuickPick(
    (own.length > 0 ? own : known).map(([id, url]) => ({ label: id, description: url })),
    { placeHolder: vscode.l10n.t('Where are your buckets?') },
  );
  return location ? s3Endpoint({ cloud: account.cloud, location: location.label }) : undefined;
}

/** Whether git tracks a file (so a secret written there could be committed). */
async function trackedByGit(file: string): Promise<boolean> {
  // Loaded here, not at activation: Node's child_process costs a few milliseconds to load.
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) => {
    execFile('git', ['ls-files', '--error-unmatch', path.basename(file)], { cwd: path.dirname(file), timeout: 5_000 }, (error) =>
      resolve(!error),
    );
  });
}

async function confirm(message: string, detail: string, go: string): Promise<boolean> {
  return (await vscode.window.showWarningMessage(message, { modal: true, detail }, go)) === go;
}

export function registerExportCommands(s: FeatureServices, records: ExportRecords, terminal: TerminalExport): vscode.Disposable[] {
  /** Records an export (so rotation updates it) and logs it, like every other change; never the secret. */
  const keep = async (written: ExportRecord): Promise<void> => {
    await records.put(written);
    s.logger.info(`${cloudDescriptor(written.cloud).logPrefix} exported key ${written.keyId} to ${describeRecord(written)}`);
  };
  const readSecret = (node: KeyNode): Promise<Secret | undefined> => readNodeSecret(s, node);

  const record = (
    node: KeyNode,
    extra: Pick<ExportRecord, 'region' | 'endpointUrl'>,
  ): Omit<ExportRecord, 'kind'> & Record<string, unknown> => {
    const now = new Date().toISOString();
    return {
      version: 1,
      id: randomUUID(),
      accountId: node.account.id,
      cloud: node.account.cloud,
      userId: node.user.id,
      keyKind: node.key.kind,
      keyId: node.key.id,
      ...(extra.region ? { region: extra.region } : {}),
      ...(extra.endpointUrl ? { endpointUrl: extra.endpointUrl } : {}),
      createdAt: now,
      updatedAt: now,
    };
  };

  return [
    registerDrivenCommand(
      COMMAND_IDS.exportKey,
      async (driven, node?: unknown, preset?: unknown) => {
        const { schema, takes } = commandOptions().exportKey;
        const given: ExportPreset = {
          ...optionsArg(COMMAND_IDS.exportKey, 'second argument (the export)', preset, schema, takes),
          confirmed: driven.confirmed,
        };
        const keyNode = keyNodeArg(COMMAND_IDS.exportKey, node) ?? (await pickKey(s, (k) => isS3CredentialKind(k.kind)));
        if (!keyNode) return undefined;
        if (!isS3CredentialKind(keyNode.key.kind)) {
          void vscode.window.showInformationMessage(
            vscode.l10n.t('Only access keys (S3 keys) can be exported; API signing keys are used through the OCI config file.'),
          );
          return undefined;
        }
        const secret = await readSecret(keyNode);
        if (!secret) {
          void vscode.window.showInformationMessage(
            vscode.l10n.t(
              'The secret of {0} is not stored here (the key was created elsewhere), so it cannot be exported. Rotate the key to get one whose secret Cloud Keys keeps.',
              keyNode.key.id,
            ),
          );
          return undefined;
        }
        const format =
          given.format ??
          (
            await vscode.window.showQuickPick(
              [
                { label: vscode.l10n.t('AWS profile (~/.aws/credentials and config)'), format: 'aws-profile' as const },
                {
                  label: vscode.l10n.t('Integrated terminal of this workspace'),
                  description: vscode.l10n.t('nothing written to disk'),
                  format: 'terminal' as const,
                },
                { label: vscode.l10n.t('.env file…'), format: 'dotenv' as const },
                { label: vscode.l10n.t('JSON to the clipboard'), format: 'json' as const },
              ],
              { placeHolder: vscode.l10n.t('Export {0} to…', keyNode.key.id) },
            )
          )?.format;
        if (!format) return undefined;
        const target = await s3Settings(s, keyNode.account, given, keyNode.key);
        if (!target) return undefined;

        switch (format) {
          case 'aws-profile': {
            const suggested = `${keyNode.account.cloud}-${keyNode.user.name}`.replace(/[^A-Za-z0-9_+@,-]/g, '-');
            const profile =
              given.profile ??
              (
                await vscode.window.showInputBox({
                  title: vscode.l10n.t('AWS profile name'),
                  value: suggested,
                  validateInput: (text) => validateProfileName(text.trim()),
                })
              )?.trim();
            if (!profile) return undefined;
            const files = {
              ...awsFiles(),
              ...(given.credentialsFile ? { credentialsFile: given.credentialsFile } : {}),
              ...(given.configFile ? { configFile: given.configFile } : {}),
            };
            const spec = { ...files, profile, ...target };
            const change = planAwsProfile(spec, keyNode.key.id, secret);
            if (
              !given.confirmed &&
              !(await confirm(
                vscode.l10n.t('Write profile "{0}"?', profile),
                previewAwsProfile(spec, keyNode.key.id, secret.length),
                vscode.l10n.t('Write'),
              ))
            )
              return undefined;
            applyAwsProfile(change);
            const written: ExportRecord = { ...record(keyNode, target), kind: 'aws-profile', ...files, profile } as ExportRecord;
            await keep(written);
            void vscode.window.showInformationMessage(
              vscode.l10n.t('Wrote profile "{0}" to {1}; rotating {2} updates it.', profile, files.credentialsFile, keyNode.key.id),
            );
            return written;
          }
          case 'terminal': {
            terminal.replace(awsVariables(keyNode.key.id, secret, target.region, target.endpointUrl));
            const written = { ...record(keyNode, target), kind: 'terminal' } as ExportRecord;
            await keep(written);
            void vscode.window.showInformationMessage(
              vscode.l10n.t(
                'New terminals of this workspace get {0} as AWS_ACCESS_KEY_ID (and its secret). Remove with "Cloud Keys: Remove Terminal Export".',
                keyNode.key.id,
              ),
            );
            return written;
          }
          case 'dotenv': {
            const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
            const file =
              given.file ??
              (
                await vscode.window.showSaveDialog({
                  defaultUri: folder ? vscode.Uri.joinPath(folder, '.env') : undefined,
                  title: vscode.l10n.t('.env file to write {0} to', keyNode.key.id),
                })
              )?.fsPath;
            if (!file) return undefined;
            const tracked = await trackedByGit(file);
            const detail = [
              vscode.l10n.t('The secret is written in plain text to {0} (file mode 0600).', file),
              tracked
                ? vscode.l10n.t(
                    'WARNING: git tracks this file, so the secret could be committed. Remove it from git and add it to .gitignore first.',
                  )
                : '',
            ]
              .filter(Boolean)
              .join('\n');
            if (
              !given.confirmed &&
              !(await confirm(vscode.l10n.t('Write the secret of {0} to a .env file?', keyNode.key.id), detail, vscode.l10n.t('Write')))
            )
              return undefined;
            writeDotenv(file, awsVariables(keyNode.key.id, secret, target.region, target.endpointUrl));
            const written = { ...record(keyNode, target), kind: 'dotenv', file } as ExportRecord;
            await keep(written);
            return written;
          }
          case 'json': {
            if (
              !given.confirmed &&
              !(await confirm(
                vscode.l10n.t('Copy {0} and its secret to the clipboard as JSON?', keyNode.key.id),
                vscode.l10n.t('The clipboard is cleared after the time set in cloudKeys.clipboard.clearAfterSeconds.'),
                vscode.l10n.t('Copy'),
              ))
            )
              return undefined;
            await s.clipboard.copy(new Secret(keyAsJson({ cloud: keyNode.account.cloud, accessKeyId: keyNode.key.id, secret, ...target })));
            vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0} as JSON', keyNode.key.id), 4000);
            return { kind: 'json', keyId: keyNode.key.id };
          }
        }
      },
      s.commandContext,
    ),

    registerCommand(
      COMMAND_IDS.removeTerminalExport,
      async () => {
        const had = terminal.keyId();
        terminal.clear();
        for (const r of records.all().filter((r) => r.kind === 'terminal')) await records.remove(r.id);
        void vscode.window.showInformationMessage(
          had
            ? vscode.l10n.t('New terminals no longer get {0}. Close open terminals to drop it from them.', had)
            : vscode.l10n.t('No key was exported to the terminal.'),
        );
        return had;
      },
      s.commandContext,
    ),
  ];
}
