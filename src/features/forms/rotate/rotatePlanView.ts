import type { ExportRecord } from '../../../operations/exports/records';
import { describeExport } from '../../../operations/rotation/knownUses';

export { describeExport } from '../../../operations/rotation/knownUses';
import type { KeyRotationOutcome, KeyRotationPlan, RoomNeeded, RotationPlan } from '../../../operations/rotation';
import type { PlanItem, RoomChoice, RotateOutcomeItem } from '../../../webview/protocol';
import { formatDay } from '../../../util/formatDate';

type Ref = KeyRotationPlan['oldKey'];

function label(key: Ref): string {
  return key.displayName ? `"${key.displayName}" (${key.id})` : key.id;
}

function deletes(item: KeyRotationPlan): string {
  return item.grace.kind === 'now'
    ? `The old key ${label(item.oldKey)}, as soon as the new one works.`
    : `The old key ${label(item.oldKey)}, after ${item.grace.days} day${item.grace.days === 1 ? '' : 's'} ("Resume Rotations" reminds you).`;
}

function creates(item: KeyRotationPlan): string {
  const parts = [item.oldKey.kind === 'api-signing-key' ? `A new ${item.newKey.keyBits ?? 2048}-bit API signing key` : 'A new access key'];
  if (item.newKey.displayName) parts.push(`named "${item.newKey.displayName}"`);
  if (item.newKey.expiresAt) parts.push(`expiring on ${item.newKey.expiresAt.slice(0, 10)}`);
  const created = `${parts.join(', ')}; its secret goes to VS Code secret storage first.`;
  return item.expiryNote ? `${created} ${item.expiryNote}` : created;
}

/**
 * One key's plan as the Rotate form shows it: the steps the engine runs, in its order, each with
 * what it does to which key, and the exports the rotation rewrites.
 */
export function planItemView(item: KeyRotationPlan, exports: readonly ExportRecord[]): PlanItem {
  const verify = item.notes.find((n) => /verified/.test(n)) ?? 'The new key is checked before the old key is touched.';
  // Rotation updates access-key exports of access keys and OCI profiles of API signing keys.
  const exportPlaces = exports.filter((r) => (r.kind === 'oci-config') === (item.oldKey.kind === 'api-signing-key')).map(describeExport);
  const steps: PlanItem['steps'] = [
    { step: 'preflight', label: 'Check', detail: 'Credentials work and the user has room for one more key.' },
  ];
  const oldFirst = item.makeRoom?.id === item.oldKey.id;
  if (item.makeRoom) {
    steps.push({
      step: 'make-room',
      label: 'Make room',
      detail: oldFirst
        ? `Delete the old key ${label(item.makeRoom)} first: everything using it stops until you switch to the new key.`
        : `Delete key ${label(item.makeRoom)}, as you chose: everything using it stops working.`,
    });
  }
  steps.push(
    { step: 'create', label: 'Create', detail: creates(item) },
    { step: 'verify', label: 'Verify', detail: verify },
    {
      step: 'update-exports',
      label: 'Update exports',
      detail:
        exportPlaces.length === 0
          ? 'No export of this key to update.'
          : `Switch ${exportPlaces.length} export${exportPlaces.length === 1 ? '' : 's'} to the new key.`,
    },
  );
  if (item.deactivateOld)
    steps.push({ step: 'deactivate-old', label: 'Deactivate', detail: `Deactivate the old key ${label(item.oldKey)}.` });
  if (!oldFirst)
    steps.push({
      step: 'delete-old',
      label: 'Delete',
      detail:
        item.grace.kind === 'now'
          ? `Delete the old key ${label(item.oldKey)}.`
          : `Delete the old key ${label(item.oldKey)} after ${item.grace.days} day${item.grace.days === 1 ? '' : 's'}.`,
    });
  return {
    rotationId: item.id,
    oldKeyId: item.oldKey.id,
    oldKey: label(item.oldKey),
    steps,
    creates: creates(item),
    ...(item.deactivateOld
      ? { deactivates: `The old key ${label(item.oldKey)}, once the new one works.` }
      : oldFirst
        ? { deactivates: 'Nothing: the old key is deleted first.' }
        : {}),
    deletes: oldFirst ? `The old key ${label(item.oldKey)}, first, to make room.` : deletes(item),
    ...(item.makeRoom
      ? {
          makeRoom:
            item.room?.candidates.find((c) => c.key.id === item.makeRoom?.id)?.stops ?? `Key ${label(item.makeRoom)} is deleted first.`,
        }
      : {}),
    exports: exportPlaces,
    notes: item.notes.filter((n) => !item.deactivateOld || !/cannot deactivate/.test(n)),
  };
}

function roomView(room: RoomNeeded, chosen?: string): RoomChoice {
  return {
    keyId: room.key.id,
    key: label(room.key),
    used: room.used,
    limit: room.limit,
    ...(chosen ? { chosen } : {}),
    candidates: room.candidates.map((c) => ({ keyId: c.key.id, choice: c.choice, summary: c.summary, stops: c.stops })),
  };
}

/**
 * The whole plan for the page; keys that cannot be rotated as asked come with the reason; keys at
 * the per-user limit come with the choice of a key to delete first, answered or not.
 */
export function planView(
  plan: RotationPlan,
  exportsOf: (accountId: string, keyId: string) => readonly ExportRecord[],
): { items: PlanItem[]; blocked: { keyId: string; reason: string }[]; room: RoomChoice[] } {
  return {
    items: plan.items.map((item) => planItemView(item, exportsOf(item.accountId, item.oldKey.id))),
    blocked: plan.blocked.map((b) => ({ keyId: b.key.id, reason: b.reason })),
    room: [...plan.items.flatMap((i) => (i.room ? [roomView(i.room, i.makeRoom?.id)] : [])), ...plan.needsRoom.map((n) => roomView(n))],
  };
}

/** What one rotation changed, or where it stopped and what to do next, in a sentence without a secret. */
export function outcomeItemView(outcome: KeyRotationOutcome, planned?: KeyRotationPlan): RotateOutcomeItem {
  const exports = outcome.exportsUpdated ?? 0;
  const updated = `${exports} export${exports === 1 ? '' : 's'} updated`;
  const summary = ((): string => {
    switch (outcome.status) {
      case 'done':
        return `Rotated ${outcome.oldKeyId}: the new key ${outcome.newKeyId ?? '?'} works and its secret is in VS Code secret storage; ${updated}; the old key is deleted.`;
      case 'waiting-delete':
        return `Rotated ${outcome.oldKeyId}: the new key ${outcome.newKeyId ?? '?'} works and its secret is in VS Code secret storage; ${updated}; the old key is deleted after ${formatDay(outcome.deleteAfter, '?')}.`;
      case 'rolled-back':
        return `Rolled back: ${outcome.oldKeyId} is still the working key.`;
      case 'not-started':
        return `${outcome.oldKeyId} was not rotated: an earlier rotation stopped first.`;
      case 'cancelled':
        return `The rotation of ${outcome.oldKeyId} was cancelled before "${outcome.step ?? '?'}". Nothing was lost; resume or roll it back with "Resume Rotations".`;
      case 'failed':
        return `The rotation of ${outcome.oldKeyId} stopped at "${outcome.step ?? '?'}": ${outcome.error?.message ?? 'unknown error'} Nothing was lost; resume or roll it back with "Resume Rotations".`;
    }
  })();
  return {
    rotationId: outcome.rotationId,
    oldKeyId: outcome.oldKeyId,
    ...(outcome.newKeyId && planned
      ? { newKey: { accountId: planned.accountId, userId: planned.userId, kind: planned.oldKey.kind, keyId: outcome.newKeyId } }
      : {}),
    status: outcome.status,
    summary,
  };
}

/** One line over all of a run's outcomes. */
export function outcomeSummary(items: readonly RotateOutcomeItem[]): string {
  const rotated = items.filter((i) => i.status === 'done' || i.status === 'waiting-delete').length;
  const stopped = items.filter((i) => i.status === 'failed' || i.status === 'cancelled').length;
  if (items.length === 0) return 'Nothing was rotated.';
  if (stopped === 0 && rotated === items.length) return rotated === 1 ? 'The key was rotated.' : `All ${rotated} keys were rotated.`;
  return `${rotated} of ${items.length} key${items.length === 1 ? '' : 's'} rotated; ${stopped} stopped.`;
}
