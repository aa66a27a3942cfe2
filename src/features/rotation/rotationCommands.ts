import * as vscode from 'vscode';
import type { AccessKey } from '../../model/types';
import { settings } from '../../config/settings';
import { describePlan, type GracePeriod, type JournalEntry, type RotationEngine, type RotationPlan } from '../../operations/rotation';
import type { FeatureServices } from '../../services/featureServices';
import type { KeyNode } from '../../views/nodes/treeNodes';
import { COMMAND_IDS } from '../../commands/commandIds';
import { pickAccount, pickKey, pickUser } from '../../commands/pickers';
import { withCancellableProgress } from '../../commands/progress';
import { confirmRewire, describeOffer, refusedRewires, rewireOffer, type RewireOffer } from '../keyUses/rewireChoice';
import { usesBeforeChange } from '../keyUses/usesBeforeChange';
import { askRotationMode, replacesSome } from './rotationMode';
import type { RotationMode } from '../../operations/rotation/types';
import { accountOrUserArg, commandOptions, keyNodeArg, optionsArg } from '../../commands/commandArgs';
import { registerCommand, registerDrivenCommand } from '../../commands/registerCommand';
import { askRoom, planFor } from './rotationPlanning';
import { reportOutcomes, withStepProgress } from './rotationRunner';
import type { ExportRecord } from '../../operations/exports/records';

/** Lets a caller (a test, a keybinding) skip the questions: which keys, which grace period; the test API may also answer the plan's confirmation. */
interface RotatePreset {
  readonly keyIds?: readonly string[];
  readonly grace?: GracePeriod;
  /** Renew the keys whose cloud can (same key, new secret) instead of replacing them. */
  readonly mode?: RotationMode;
  /** From the test API (`DriverOptions`), never from the command's arguments. */
  readonly confirmed?: boolean;
  /**
   * At the per-user limit, the key to delete first to make room, per key to rotate (by id). A
   * caller that skips the questions and names none gets the candidates back and nothing happens.
   */
  readonly makeRoom?: Readonly<Record<string, string>>;
}

/** What the command returns when a key waits for a choice of a key to delete (nothing was changed). */
interface NeedsRoomResult {
  readonly items: readonly never[];
  readonly needsRoom: readonly {
    keyId: string;
    used: number;
    limit: number;
    candidates: readonly { keyId: string; choice: string; stops: string }[];
  }[];
}

type ResumeAction = 'resume' | 'rollback' | 'delete-now' | 'forget';

async function askGrace(): Promise<GracePeriod | undefined> {
  const items: (vscode.QuickPickItem & { grace: GracePeriod })[] = [
    { label: vscode.l10n.t('Delete the old key as soon as the new one works'), grace: { kind: 'now' } },
    {
      label: vscode.l10n.t('Keep the old key 1 day, then delete it'),
      description: vscode.l10n.t('deactivated where the cloud allows; with a reminder'),
      grace: { kind: 'later', days: 1 },
    },
    {
      label: vscode.l10n.t('Keep the old key 7 days, then delete it'),
      description: vscode.l10n.t('deactivated where the cloud allows; with a reminder'),
      grace: { kind: 'later', days: 7 },
    },
    {
      label: vscode.l10n.t('Keep the old key 30 days, then delete it'),
      description: vscode.l10n.t('deactivated where the cloud allows; with a reminder'),
      grace: { kind: 'later', days: 30 },
    },
  ];
  return (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('When should the old key be deleted?') }))?.grace;
}

interface PlanUses {
  readonly lines: string[];
  readonly show?: () => void;
  /** For a one-key plan: the files the rotation can rewrite, offered with a diff. */
  readonly rewire?: { readonly node: KeyNode; readonly offer: RewireOffer };
}

/** The uses found of each key the plan rotates, named for the confirmation ("used in 3 places: …"). */
async function usesOfPlan(
  s: FeatureServices,
  plan: RotationPlan,
  keys: readonly AccessKey[],
  account: KeyNode['account'],
  user: KeyNode['user'],
): Promise<PlanUses> {
  const lines: string[] = [];
  let show: (() => void) | undefined;
  let rewire: PlanUses['rewire'];
  for (const item of plan.items) {
    const key = keys.find((k) => k.id === item.oldKey.id && k.kind === item.oldKey.kind);
    if (!key) continue;
    const node: KeyNode = { kind: 'key', account, user, key, secretStored: false };
    const uses = await usesBeforeChange(node);
    if (!uses) continue;
    lines.push(...(plan.items.length > 1 ? uses.lines.map((l) => `${item.oldKey.id}: ${l}`) : uses.lines));
    if (uses.count > 0) show ??= uses.show;
    if (plan.items.length === 1 && uses.count > 0) {
      const offer = await rewireOffer(node, uses.result, s.secrets);
      lines.push(...describeOffer(offer));
      if (offer.targets.length > 0) rewire = { node, offer };
    }
  }
  return { lines, show, rewire };
}

async function confirmPlan(plan: RotationPlan, uses: PlanUses = { lines: [] }): Promise<boolean> {
  const go = vscode.l10n.t('Rotate');
  const showUses = vscode.l10n.t('Show Uses');
  const goAndRewire = vscode.l10n.t('Rotate and Update Files…');
  const deletedFirst = plan.items.flatMap((i) => (i.makeRoom ? [i.makeRoom.id] : []));
  const question =
    plan.items.length === 1
      ? vscode.l10n.t('Rotate key {0}?', plan.items[0].oldKey.id)
      : vscode.l10n.t('Rotate {0} keys?', plan.items.length);
  const answer = await vscode.window.showWarningMessage(
    deletedFirst.length === 0
      ? question
      : `${question} ${vscode.l10n.t('Key {0} is deleted first: everything using it stops working.', deletedFirst.join(', '))}`,
    { modal: true, detail: [...describePlan(plan), ...uses.lines].join('\n') },
    go,
    ...(uses.rewire ? [goAndRewire] : []),
    ...(uses.show ? [showUses] : []),
  );
  if (answer === showUses) uses.show?.();
  if (answer === goAndRewire && uses.rewire) return confirmRewire(uses.rewire.node, uses.rewire.offer);
  return answer === go;
}

function entryLabel(entry: JournalEntry): vscode.QuickPickItem & { entry: JournalEntry } {
  const where = entry.lastError
    ? vscode.l10n.t('stopped at {0}: {1}', entry.lastError.step, entry.lastError.message)
    : entry.status === 'waiting-delete'
      ? vscode.l10n.t('old key deleted after {0}', entry.deleteAfter?.slice(0, 10) ?? '?')
      : entry.status;
  return {
    label: vscode.l10n.t('{0} of {1} ({2})', entry.oldKey.id, entry.userName, entry.accountLabel),
    description: entry.newKey ? `→ ${entry.newKey.id}` : undefined,
    detail: where,
    entry,
  };
}

export function registerRotationCommands(
  s: FeatureServices,
  engine: () => RotationEngine,
  exportsOf: (accountId: string, keyId: string) => readonly ExportRecord[],
): vscode.Disposable[] {
  /** Plans, confirms and runs the rotation of some keys of one user. */
  const rotate = async (
    account: KeyNode['account'],
    user: KeyNode['user'],
    pick: (keys: readonly AccessKey[]) => Promise<AccessKey[] | undefined>,
    preset: RotatePreset,
  ) => {
    const provider = s.registry.provider(account);
    const keysOfUser = await withCancellableProgress(vscode.l10n.t('Reading the keys of {0}…', user.name), (signal) =>
      provider.listKeys(user.id, signal),
    );
    const chosen = preset.keyIds ? keysOfUser.filter((k) => preset.keyIds!.includes(k.id)) : await pick(keysOfUser);
    if (!chosen || chosen.length === 0) return undefined;
    const capabilities = (kind: AccessKey['kind']) => provider.capabilities(kind);
    const mode = preset.mode ?? (await askRotationMode(chosen, capabilities));
    if (!mode) return undefined;
    const grace = preset.grace ?? (replacesSome(mode, chosen, capabilities) ? await askGrace() : { kind: 'now' as const });
    if (!grace) return undefined;
    const makeRoom: Record<string, string> = { ...preset.makeRoom };
    const replan = () => planFor(s, exportsOf, { account, user, keys: chosen, keysOfUser, grace, makeRoom, mode });
    let plan = replan();
    // At the per-user limit nothing is deleted that the user did not choose.
    while (plan.needsRoom.length > 0) {
      if (preset.confirmed || preset.makeRoom) {
        const first = plan.needsRoom[0];
        void vscode.window.showErrorMessage(
          vscode.l10n.t(
            '{0} has {1} of {2} keys allowed: choose the key to delete to make room for the new one (candidates: {3}). Nothing was changed.',
            user.name,
            first.used,
            first.limit,
            first.candidates.map((c) => c.key.id).join(', '),
          ),
        );
        return {
          items: [],
          needsRoom: plan.needsRoom.map((n) => ({
            keyId: n.key.id,
            used: n.used,
            limit: n.limit,
            candidates: n.candidates.map((c) => ({ keyId: c.key.id, choice: c.choice, stops: c.stops })),
          })),
        } satisfies NeedsRoomResult;
      }
      for (const needed of plan.needsRoom) {
        const choice = await askRoom(user.name, needed);
        if (!choice) return undefined;
        makeRoom[needed.key.id] = choice;
      }
      plan = replan();
    }
    if (plan.items.length === 0) {
      void vscode.window.showErrorMessage(plan.blocked.map((b) => `${b.key.id}: ${b.reason}`).join(' '));
      return undefined;
    }
    // The engine first: it holds the rewriter that a "Rotate and Update Files…" answer hands the files to.
    const rotationEngine = engine();
    if (!preset.confirmed && !(await confirmPlan(plan, await usesOfPlan(s, plan, chosen, account, user)))) return undefined;
    const outcome = await withStepProgress(vscode.l10n.t('Rotating keys of {0}', user.name), (onStep, signal) =>
      rotationEngine.run(plan, { onStep, signal }),
    );
    s.tree.refresh(s.tree.userNode(account, user));
    await reportOutcomes(outcome.items, s);
    const refused = refusedRewires();
    if (refused.length > 0) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Not updated, because they changed after their diff was shown: {0}. Update them by hand.', refused.join(', ')),
      );
    }
    return outcome;
  };

  /** A rotation's options passed as the second argument (a keybinding, another extension), parsed. */
  const rotationArg = (id: string, preset: unknown) =>
    optionsArg(id, 'second argument (the rotation)', preset, commandOptions().rotate.schema, commandOptions().rotate.takes);

  return [
    registerDrivenCommand(
      COMMAND_IDS.rotateKey,
      async (driven, node?: unknown, preset?: unknown) => {
        const given = rotationArg(COMMAND_IDS.rotateKey, preset);
        const keyNode = keyNodeArg(COMMAND_IDS.rotateKey, node) ?? (await pickKey(s));
        if (!keyNode) return undefined;
        return rotate(keyNode.account, keyNode.user, async (keys) => keys.filter((k) => k.id === keyNode.key.id), {
          ...given,
          confirmed: driven.confirmed,
          keyIds: [keyNode.key.id],
        });
      },
      s.commandContext,
    ),

    registerDrivenCommand(
      COMMAND_IDS.rotateKeys,
      async (driven, node?: unknown, preset?: unknown) => {
        const given = rotationArg(COMMAND_IDS.rotateKeys, preset);
        const accountNode = accountOrUserArg(COMMAND_IDS.rotateKeys, node) ?? (await pickAccount(s));
        if (!accountNode) return undefined;
        const userNode = accountNode.kind === 'user' ? accountNode : await pickUser(s, accountNode.account);
        if (!userNode) return undefined;
        const policy = settings.keyHealth();
        return rotate(
          userNode.account,
          userNode.user,
          async (keys) => {
            const picked = await vscode.window.showQuickPick(
              keys.map((key) => {
                const ageDays = key.createdAt ? Math.floor((Date.now() - key.createdAt.getTime()) / 86_400_000) : undefined;
                return {
                  label: key.displayName || key.id,
                  description: `${key.id} · ${key.state}${ageDays === undefined ? '' : ` · ${ageDays} d`}`,
                  picked: ageDays !== undefined && ageDays > policy.maxAgeDays,
                  key,
                };
              }),
              { canPickMany: true, placeHolder: vscode.l10n.t('Which keys of {0} should be rotated?', userNode.user.name) },
            );
            return picked?.map((p) => p.key);
          },
          { ...given, confirmed: driven.confirmed },
        );
      },
      s.commandContext,
    ),

    registerCommand(
      COMMAND_IDS.resumeRotations,
      async (preset?: unknown) => {
        const { schema, takes } = commandOptions().resumeRotations;
        const given = optionsArg(COMMAND_IDS.resumeRotations, 'first argument (the rotation and what to do)', preset, schema, takes);
        const pending = engine().pending();
        if (pending.length === 0) {
          void vscode.window.showInformationMessage(vscode.l10n.t('No unfinished key rotations.'));
          return undefined;
        }
        const entry = given.rotationId
          ? pending.find((e) => e.id === given.rotationId)
          : (await vscode.window.showQuickPick(pending.map(entryLabel), { placeHolder: vscode.l10n.t('Which rotation?') }))?.entry;
        if (!entry) return undefined;
        let action = given.action;
        if (!action) {
          const actions: (vscode.QuickPickItem & { action: ResumeAction })[] =
            entry.status === 'waiting-delete'
              ? [
                  { label: vscode.l10n.t('Delete the old key now'), action: 'delete-now' },
                  { label: vscode.l10n.t('Roll back: keep the old key, delete the new one'), action: 'rollback' },
                ]
              : [
                  { label: vscode.l10n.t('Resume from where it stopped'), action: 'resume' },
                  { label: vscode.l10n.t('Roll back: keep the old key, delete the new one'), action: 'rollback' },
                  { label: vscode.l10n.t('Forget it (change nothing)'), action: 'forget' },
                ];
          action = (await vscode.window.showQuickPick(actions, { placeHolder: entryLabel(entry).label }))?.action;
        }
        if (!action) return undefined;
        if (action === 'forget') {
          await engine().forget(entry.id);
          return { rotationId: entry.id, oldKeyId: entry.oldKey.id, status: 'forgotten' };
        }
        const outcome = await withStepProgress(vscode.l10n.t('Rotation of {0}', entry.oldKey.id), (onStep, signal) =>
          action === 'rollback'
            ? engine().rollback(entry.id, { onStep, signal })
            : engine().resume(entry.id, { onStep, signal, deleteNow: action === 'delete-now' }),
        );
        const account = await s.registry.find(entry.accountId);
        if (account) s.tree.refresh(s.tree.accountNode(account));
        await reportOutcomes([outcome], s);
        return outcome;
      },
      s.commandContext,
    ),
  ];
}
