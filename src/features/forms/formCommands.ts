import * as vscode from 'vscode';
import { FORMS_COMMAND_IDS } from '../../commands/ids/forms';
import { pickKey } from '../../commands/pickers';
import { registerCommand } from '../../commands/registerCommand';
import { settings } from '../../config/settings';
import type { FeatureServices } from '../../services/featureServices';
import type { AccountNode, KeyNode, UserNode } from '../../views/nodes/treeNodes';
import { CreateKeyController, type CreateKeyPreset } from './createKey/createKeyPanel';
import { KeyDetailsController } from './details/keyDetailsPanel';
import { OverviewController } from './overview/overviewPanel';
import type { FormsServices } from './keyActions';
import { PanelHost } from '../../webview/panelHost';
import { KeyAddressSchema, type KeyAddress } from '../../webview/protocol';
import { RotateController, type RotateTarget } from './rotate/rotatePanel';

function presetFrom(node: unknown): CreateKeyPreset | undefined {
  const tree = node as AccountNode | UserNode | undefined;
  if (tree?.kind === 'account') return { accountId: tree.account.id };
  if (tree?.kind === 'user') return { accountId: tree.account.id, userId: tree.user.id };
  return undefined;
}

function keyRefFrom(arg: unknown): KeyAddress | undefined {
  const node = arg as KeyNode | undefined;
  if (node?.kind === 'key') return { accountId: node.account.id, userId: node.user.id, kind: node.key.kind, keyId: node.key.id };
  const parsed = KeyAddressSchema.safeParse(arg);
  return parsed.success ? parsed.data : undefined;
}

/** Whose keys the Rotate form opens on: a key or user node, a key a page names, or a test's target. */
function rotateTargetFrom(arg: unknown): RotateTarget | undefined {
  const node = arg as KeyNode | UserNode | undefined;
  if (node?.kind === 'key') return { accountId: node.account.id, userId: node.user.id, keyIds: [node.key.id] };
  if (node?.kind === 'user') return { accountId: node.account.id, userId: node.user.id };
  const ref = KeyAddressSchema.safeParse(arg);
  if (ref.success) return { accountId: ref.data.accountId, userId: ref.data.userId, keyIds: [ref.data.keyId] };
  return undefined;
}

/**
 * The forms' commands: Create Key, Rotate, Key Age Overview and Key Details, each a webview panel.
 * One Create Key panel, one Rotate panel and one overview at a time (opening again brings them
 * forward); one details panel per key. In dist/lazy/forms.js, registered by `formsFeature.ts`'s
 * stand-ins the first time one of them runs.
 */
export function registerFormCommands(services: FeatureServices): vscode.Disposable[] {
  const s: FormsServices = services;
  const { extensionUri } = services.context;
  const logger = services.logger;
  let createKey: { host: PanelHost; controller: CreateKeyController } | undefined;
  let overview: PanelHost | undefined;
  let rotate: { host: PanelHost; controller: RotateController } | undefined;
  const settingsPolicy = () => settings.keyHealth();
  const details = new Map<string, { host: PanelHost; controller: KeyDetailsController }>();

  const openDetails = (ref: KeyAddress): void => {
    const id = `${ref.accountId}|${ref.kind}|${ref.keyId}`;
    const open = details.get(id);
    if (open) {
      open.host.reveal();
      void open.controller.reload();
      return;
    }
    const host = new PanelHost({
      viewType: 'cloudKeys.keyDetails',
      panel: 'details',
      title: vscode.l10n.t('Key {0}', ref.keyId),
      extensionUri,
      logger,
    });
    const controller = new KeyDetailsController(host, s, ref, () => settingsPolicy());
    details.set(id, { host, controller });
    host.onDidDispose(() => details.delete(id));
    host.start(controller);
  };

  return [
    registerCommand(
      FORMS_COMMAND_IDS.openCreateKeyForm,
      (node?: unknown) => {
        const preset = presetFrom(node);
        if (createKey) {
          createKey.host.reveal();
          createKey.controller.preselect(preset);
          return;
        }
        const host = new PanelHost({
          viewType: 'cloudKeys.createKey',
          panel: 'create-key',
          title: vscode.l10n.t('Create Key'),
          extensionUri,
          logger,
        });
        const controller = new CreateKeyController(host, s, preset, openDetails);
        createKey = { host, controller };
        host.onDidDispose(() => (createKey = undefined));
        host.start(controller);
      },
      services.commandContext,
    ),

    registerCommand(
      FORMS_COMMAND_IDS.keyAgeOverview,
      () => {
        if (overview) {
          overview.reveal();
          return;
        }
        const host = new PanelHost({
          viewType: 'cloudKeys.keyAgeOverview',
          panel: 'overview',
          title: vscode.l10n.t('Key Age Overview'),
          extensionUri,
          logger,
        });
        overview = host;
        host.onDidDispose(() => (overview = undefined));
        host.start(new OverviewController(host, s, settingsPolicy, openDetails));
      },
      services.commandContext,
    ),

    registerCommand(
      FORMS_COMMAND_IDS.showKeyDetails,
      async (arg?: unknown) => {
        let ref = keyRefFrom(arg);
        if (!ref) {
          const node = await pickKey(services);
          ref = node ? keyRefFrom(node) : undefined;
        }
        if (ref) openDetails(ref);
      },
      services.commandContext,
    ),

    registerCommand(
      FORMS_COMMAND_IDS.rotateWithForm,
      async (arg?: unknown) => {
        const { rotation } = services;
        let target = rotateTargetFrom(arg);
        if (!target) {
          const node = await pickKey(services);
          target = node ? rotateTargetFrom(node) : undefined;
        }
        if (!target) return;
        if (rotate) {
          rotate.host.reveal();
          rotate.controller.retarget(target);
          return;
        }
        const host = new PanelHost({
          viewType: 'cloudKeys.rotate',
          panel: 'rotate',
          title: vscode.l10n.t('Rotate Keys'),
          extensionUri,
          logger,
        });
        const controller = new RotateController(host, services, rotation, target, openDetails);
        rotate = { host, controller };
        host.onDidDispose(() => (rotate = undefined));
        host.start(controller);
      },
      services.commandContext,
    ),

    new vscode.Disposable(() => {
      rotate?.host.dispose();
      createKey?.host.dispose();
      overview?.dispose();
      for (const open of [...details.values()]) open.host.dispose();
    }),
  ];
}
