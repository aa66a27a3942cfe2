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
import { PanelSlots } from './panelSlots';
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
  const slots = { extensionUri: services.context.extensionUri, logger: services.logger };
  const settingsPolicy = () => settings.keyHealth();
  const createKey = new PanelSlots<CreateKeyController>({ ...slots, viewType: 'cloudKeys.createKey', panel: 'create-key' });
  const overview = new PanelSlots<OverviewController>({ ...slots, viewType: 'cloudKeys.keyAgeOverview', panel: 'overview' });
  const rotate = new PanelSlots<RotateController>({ ...slots, viewType: 'cloudKeys.rotate', panel: 'rotate' });
  const details = new PanelSlots<KeyDetailsController>({ ...slots, viewType: 'cloudKeys.keyDetails', panel: 'details' });

  const openDetails = (ref: KeyAddress): void =>
    details.show(
      `${ref.accountId}|${ref.kind}|${ref.keyId}`,
      vscode.l10n.t('Key {0}', ref.keyId),
      (host) => new KeyDetailsController(host, s, ref, settingsPolicy),
      (controller) => void controller.reload(),
    );

  return [
    registerCommand(
      FORMS_COMMAND_IDS.openCreateKeyForm,
      (node?: unknown) => {
        const preset = presetFrom(node);
        createKey.show(
          '',
          vscode.l10n.t('Create Key'),
          (host) => new CreateKeyController(host, s, preset, openDetails),
          (controller) => controller.preselect(preset),
        );
      },
      services.commandContext,
    ),

    registerCommand(
      FORMS_COMMAND_IDS.keyAgeOverview,
      () =>
        overview.show(
          '',
          vscode.l10n.t('Key Age Overview'),
          (host) => new OverviewController(host, s, settingsPolicy, openDetails),
          () => undefined,
        ),
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
        let target = rotateTargetFrom(arg);
        if (!target) {
          const node = await pickKey(services);
          target = node ? rotateTargetFrom(node) : undefined;
        }
        if (!target) return;
        const chosen = target;
        rotate.show(
          '',
          vscode.l10n.t('Rotate Keys'),
          (host) => new RotateController(host, services, services.rotation, chosen, openDetails),
          (controller) => controller.retarget(chosen),
        );
      },
      services.commandContext,
    ),

    rotate,
    createKey,
    overview,
    details,
  ];
}
