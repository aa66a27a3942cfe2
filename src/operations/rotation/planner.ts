import { cloudDescriptor } from '../../clouds/descriptors';
import { CLOUD_NAMES, type AccessKey, type CloudId, type KeyKind } from '../../model/types';
import { newKeySpec } from './newKeySpec';
import { planHead } from './planHead';
import { RENEW_INSTEAD_NOTE, renewPlanItem } from './renewPlan';
import { roomCandidates, toKeyIdentity } from './roomCandidates';
import type { GracePeriod, KeyIdentity, KeyRotationPlan, PlanInput, RoomNeeded, RotationPlan } from './types';

export { toKeyIdentity } from './roomCandidates';
export type { PlanInput } from './types';

function label(key: Pick<AccessKey, 'id' | 'displayName'>): string {
  return key.displayName ? `"${key.displayName}" (${key.id})` : key.id;
}

function verificationNote(cloud: CloudId, kind: KeyKind): string {
  const signed = cloudDescriptor(cloud).rotationVerification[kind];
  if (signed) return signed;
  return `${CLOUD_NAMES[cloud]} accepts no call signed by this kind of key, so the new key is verified as active and listed before the old key is touched.`;
}

function exportsNote(kind: KeyKind): string {
  return kind === 'api-signing-key'
    ? 'OCI config profiles Cloud Keys wrote for the old key get the new fingerprint and a new private key file next to the old one (the old file is left in place).'
    : 'Exports Cloud Keys made of the old key (AWS profiles, .env files, the terminal) are switched to the new key.';
}

/**
 * Plans the rotation of some keys of one user: for each key, what is created, deactivated and
 * deleted, in which order, and, where the user is at the per-user limit, which key the user chose
 * to delete first. Nothing is called; the plan is shown to the user, who agrees or not.
 */
export function planRotation(input: PlanInput): RotationPlan {
  const items: KeyRotationPlan[] = [];
  const blocked: { key: KeyIdentity; reason: string }[] = [];
  const needsRoom: RoomNeeded[] = [];
  const rotating = new Set(input.keys.map((k) => k.id));
  const ordered = [...input.keys].sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0));
  const used = new Map<KeyKind, number>();
  const removed = new Set<string>();
  for (const key of input.keysOfUser) used.set(key.kind, (used.get(key.kind) ?? 0) + 1);

  for (const key of ordered) {
    const caps = input.capabilities(key.kind);
    if (caps.maxKeysPerUser <= 0) {
      blocked.push({ key: toKeyIdentity(key), reason: `${CLOUD_NAMES[input.account.cloud]} has no keys of this kind to rotate.` });
      continue;
    }
    if (input.mode === 'renew' && caps.canRenew) {
      items.push(renewPlanItem(input, key));
      continue;
    }
    const notes: string[] = [];
    if (caps.canRenew) notes.push(RENEW_INSTEAD_NOTE);
    let makeRoom: KeyIdentity | undefined;
    let room: RoomNeeded | undefined;
    let oldDeletedFirst = false;
    let count = used.get(key.kind) ?? 0;
    if (count >= caps.maxKeysPerUser) {
      const others = input.keysOfUser.filter((k) => k.kind === key.kind && !rotating.has(k.id) && !removed.has(k.id));
      const candidates = roomCandidates({
        key,
        others,
        userName: input.user.name,
        now: input.now,
        usesOf: input.usesOf,
        signsWith: input.signsWith,
      });
      const full = `${input.user.name} has ${count} of ${caps.maxKeysPerUser} keys allowed`;
      if (candidates.length === 0) {
        blocked.push({
          key: toKeyIdentity(key),
          reason: `${full}, and no key can be deleted to make room (the account signs its calls with this one): create the new key by hand, or delete another key first.`,
        });
        continue;
      }
      const chosenId = input.makeRoom?.[key.id];
      if (chosenId === undefined) {
        needsRoom.push({ key: toKeyIdentity(key), used: count, limit: caps.maxKeysPerUser, candidates });
        continue;
      }
      const chosen = candidates.find((c) => c.key.id === chosenId);
      if (!chosen) {
        blocked.push({
          key: toKeyIdentity(key),
          reason: `${full}; key ${chosenId} cannot be deleted to make room. Choose one of: ${candidates.map((c) => c.key.id).join(', ')}.`,
        });
        continue;
      }
      makeRoom = chosen.key;
      room = { key: toKeyIdentity(key), used: count, limit: caps.maxKeysPerUser, candidates };
      notes.push(
        `${full}: you chose to delete ${chosen.choice === 'rotated-key' ? 'the old key' : `key ${label(chosen.key)}`} first to make room. ${chosen.stops}`,
      );
      if (chosen.choice === 'rotated-key') oldDeletedFirst = true;
      else {
        removed.add(chosen.key.id);
        count -= 1;
      }
    }
    const deactivateOld = caps.canDeactivate && !oldDeletedFirst;
    // With the old key deleted first there is nothing left to wait for.
    const grace: GracePeriod = oldDeletedFirst ? { kind: 'now' } : input.grace;
    const { spec, expiryNote } = newKeySpec(
      { cloud: input.account.cloud, outscaleExpiryDays: input.outscaleExpiryDays, now: input.now },
      key,
      caps,
    );
    notes.push(`A new key is created and its secret is saved in VS Code secret storage before anything else.`);
    notes.push(verificationNote(input.account.cloud, key.kind));
    notes.push(exportsNote(key.kind));
    if (!oldDeletedFirst) {
      if (!caps.canDeactivate)
        notes.push(`${CLOUD_NAMES[input.account.cloud]} cannot deactivate this kind of key: the old key stays active until it is deleted.`);
      else notes.push('The old key is then deactivated.');
      if (grace.kind === 'now') {
        notes.push('The old key is deleted as soon as the new one works.');
      } else {
        notes.push(
          `The old key is deleted after ${grace.days} day${grace.days === 1 ? '' : 's'}; "Resume Rotations" reminds you and finishes it.`,
        );
        count += 1;
      }
    }
    if (expiryNote) notes.push(expiryNote);
    if (key.kind === 'api-signing-key')
      notes.push('A new 2048-bit RSA key pair is generated; its private key is kept in VS Code secret storage.');
    used.set(key.kind, count);
    items.push({
      ...planHead(input, key),
      ...(makeRoom ? { makeRoom } : {}),
      ...(room ? { room } : {}),
      deactivateOld,
      grace,
      newKey: spec,
      ...(expiryNote ? { expiryNote } : {}),
      notes,
    });
  }
  return { items, blocked, needsRoom };
}

/** The plan as lines of text for a confirmation dialog or a log line (ids and names only). */
export function describePlan(plan: RotationPlan): string[] {
  const lines: string[] = [];
  for (const [index, item] of plan.items.entries()) {
    lines.push(`${index + 1}. ${item.userName} in ${item.accountLabel}: rotate ${label(item.oldKey)}`);
    for (const note of item.notes) lines.push(`   - ${note}`);
  }
  for (const entry of plan.needsRoom) {
    lines.push(
      `Waiting for your choice: ${label(entry.key)}: ${entry.used} of ${entry.limit} keys allowed; choose the key to delete to make room.`,
    );
  }
  for (const entry of plan.blocked) lines.push(`Not rotated: ${label(entry.key)}: ${entry.reason}`);
  return lines;
}
