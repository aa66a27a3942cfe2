import * as vscode from 'vscode';
import { lazySchema } from '../../model/lazySchema';
import type { DriverOptions } from '../../commands/commandDriver';
import { COMMAND_IDS } from '../../commands/commandIds';
import type { FeatureServices } from '../../services/featureServices';
import { detectLeaks } from '../../leaks/detect';
import { envReferenceChanges, variableNameFor, type TextChange } from '../../leaks/envReference';
import type { Leak } from '../../leaks/types';
import { editOf, LeakTargetSchema, type LeakTarget } from './leakCodeActions';
import type { LeakDiagnostics } from './leakDiagnostics';
import type { LeakInventory } from './leakInventory';
import { leakSettings } from './leakSettings';

const ShowKeyArgsSchema = lazySchema((z) => z.object({ accountId: z.string(), userId: z.string(), keyId: z.string() }));
const RotationOutcomeSchema = lazySchema((z) =>
  z.object({ items: z.optional(z.array(z.object({ status: z.string(), newKeyId: z.optional(z.string()) }))) }),
);

function parseTarget(value: unknown): LeakTarget {
  const parsed = LeakTargetSchema.safeParse(value);
  if (!parsed.success)
    throw new Error(
      'This command is run from a quick fix of a key found in a file; it takes { uri, line, character, part, accountId?, userId?, keyId? }.',
    );
  return parsed.data;
}

/** The finding at a target, in the document's current text (it may have moved since the quick fix was offered). */
async function findingAt(document: vscode.TextDocument, target: LeakTarget, inventory: LeakInventory): Promise<Leak | undefined> {
  const owners = await inventory.index();
  const leaks = detectLeaks(document.getText(), owners.index, { clouds: leakSettings(document.uri).clouds });
  const same = leaks.filter((l) => l.part === target.part && (target.keyId === undefined || l.owner?.keyId === target.keyId));
  return same.find((l) => l.range.startLine === target.line && l.range.startCharacter === target.character) ?? same[0];
}

/**
 * After a rotation, the literal is rewired: replaced with an environment reference where the
 * language has one, else (a `.env` file, an INI profile) with the new key's id or secret.
 */
async function rewire(s: FeatureServices, document: vscode.TextDocument, leak: Leak, newKeyId: string): Promise<boolean> {
  const text = document.getText();
  let changes: TextChange[] | undefined = envReferenceChanges(text, leak, document.languageId, variableNameFor(leak));
  if (!changes && leak.owner && leak.part === 'key-id') changes = [{ start: leak.start, end: leak.end, text: newKeyId }];
  if (!changes && leak.owner && leak.part === 'secret') {
    const secret = await s.secrets.getKeySecret({
      accountId: leak.owner.accountId,
      kind: leak.owner.keyKind === 'api-token' ? 'access-key' : leak.owner.keyKind,
      id: newKeyId,
    });
    if (secret) changes = [{ start: leak.start, end: leak.end, text: secret.reveal() }];
  }
  return changes ? vscode.workspace.applyEdit(editOf(document, changes)) : false;
}

export type LeakCommandId =
  | typeof COMMAND_IDS.showLeakedKey
  | typeof COMMAND_IDS.rotateLeakedKey
  | typeof COMMAND_IDS.ignoreLeakInWorkspace
  | typeof COMMAND_IDS.scanWorkspaceForKeys;
/** Each takes first what the test API gives a driven run (nothing otherwise), then the command's arguments. */
export type LeakCommandHandlers = Record<LeakCommandId, (driven: DriverOptions, ...args: unknown[]) => Promise<unknown>>;

/** The leak commands' handlers; the extension bundle registers the commands and calls these once the bundle is loaded. */
export function leakCommands(
  s: FeatureServices,
  inventory: LeakInventory,
  diagnostics: LeakDiagnostics,
  ignoreList: { add(leak: Leak, value: string): Promise<void> },
): Omit<LeakCommandHandlers, typeof COMMAND_IDS.scanWorkspaceForKeys> {
  return {
    [COMMAND_IDS.showLeakedKey]: async (_driven: DriverOptions, args?: unknown) => {
      const parsed = ShowKeyArgsSchema.safeParse(args);
      if (!parsed.success) throw new Error('Show Leaked Key takes { accountId, userId, keyId }.');
      const node = await inventory.nodeOf(parsed.data);
      if (!node) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('Key {0} is no longer loaded in Cloud Keys: refresh the Accounts view.', parsed.data.keyId),
        );
        return;
      }
      await vscode.commands.executeCommand(COMMAND_IDS.showKeyInTree, node);
    },

    [COMMAND_IDS.rotateLeakedKey]: async (driven: DriverOptions, args?: unknown, options?: unknown) => {
      const target = parseTarget(args);
      const node =
        target.keyId && target.accountId && target.userId
          ? await inventory.nodeOf({ accountId: target.accountId, userId: target.userId, keyId: target.keyId })
          : undefined;
      if (!node) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('This key is not loaded in Cloud Keys: refresh the Accounts view and try again.'),
        );
        return undefined;
      }
      // A run the test API drives (its confirmation answered) drives the rotation it starts the same way.
      const driver = s.commandContext.driver;
      const rotated =
        driver && Object.keys(driven).length > 0
          ? driver.run(COMMAND_IDS.rotateKey, [node, options], driven)
          : vscode.commands.executeCommand(COMMAND_IDS.rotateKey, node, options);
      const outcome = RotationOutcomeSchema.safeParse(await rotated);
      const item = outcome.success ? outcome.data.items?.[0] : undefined;
      if (item?.status !== 'done' || !item.newKeyId) return outcome.success ? outcome.data : undefined;
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
      const leak = await findingAt(document, target, inventory);
      const rewired = leak ? await rewire(s, document, leak, item.newKeyId) : false;
      if (!rewired)
        void vscode.window.showInformationMessage(
          vscode.l10n.t('Rotated to {0}. Update the file by hand: Cloud Keys could not rewrite the old value here.', item.newKeyId),
        );
      return { ...outcome.data, rewired };
    },

    [COMMAND_IDS.ignoreLeakInWorkspace]: async (_driven: DriverOptions, args?: unknown) => {
      const target = parseTarget(args);
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
      const leak = await findingAt(document, target, inventory);
      if (!leak) return;
      await ignoreList.add(leak, document.getText().slice(leak.start, leak.end));
      await diagnostics.check(document);
    },
  };
}
