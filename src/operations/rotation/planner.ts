import type { AccessKey, CloudId, CloudUser, KeyCapabilities, KeyKind } from '../../model/types';
import { planHead } from './planHead';
import { RENEW_INSTEAD_NOTE, renewPlanItem } from './renewPlan';
import type { GracePeriod, KeyRef, KeyRotationPlan, NewKeySpec, RotationMode, RotationPlan } from './types';

const DAY_MS = 86_400_000;
const CLOUD_NAMES: Record<CloudId, string> = { oci: 'OCI', outscale: 'OUTSCALE', ionos: 'IONOS Cloud' };

export interface PlanInput {
  readonly account: { readonly id: string; readonly label: string; readonly cloud: CloudId };
  readonly user: Pick<CloudUser, 'id' | 'name'>;
  /** The keys to rotate. */
  readonly keys: readonly AccessKey[];
  /** Every key the user has now (the keys to rotate included). */
  readonly keysOfUser: readonly AccessKey[];
  readonly capabilities: (kind: KeyKind) => KeyCapabilities;
  readonly grace: GracePeriod;
  /** How keys whose cloud can renew them are rotated (`replace` when absent); other keys are always replaced. */
  readonly mode?: RotationMode;
  /** Days until a new OUTSCALE key expires; 0 or undefined for no expiry. */
  readonly outscaleExpiryDays?: number;
  readonly now: number;
}

export function toKeyRef(key: AccessKey): KeyRef {
  return {
    id: key.id,
    kind: key.kind,
    ...(key.displayName ? { displayName: key.displayName } : {}),
    ...(key.fingerprint ? { fingerprint: key.fingerprint } : {}),
  };
}

function label(key: Pick<AccessKey, 'id' | 'displayName'>): string {
  return key.displayName ? `"${key.displayName}" (${key.id})` : key.id;
}

function newKeySpec(input: PlanInput, key: AccessKey, caps: KeyCapabilities): NewKeySpec {
  const day = new Date(input.now).toISOString().slice(0, 10);
  const spec: { displayName?: string; expiresAt?: string; keyBits?: 2048 | 4096 } = {};
  if (caps.canRename) spec.displayName = key.displayName ? `${key.displayName} (rotated ${day})` : `rotated ${day}`;
  if (input.account.cloud === 'outscale' && caps.canExpire && input.outscaleExpiryDays && input.outscaleExpiryDays > 0) {
    spec.expiresAt = new Date(input.now + input.outscaleExpiryDays * DAY_MS).toISOString();
  }
  if (key.kind === 'api-signing-key') spec.keyBits = 2048;
  return spec;
}

function verificationNote(cloud: CloudId, kind: KeyKind): string {
  if (cloud === 'outscale') return 'The new key is verified with a real call signed by it before the old key is touched.';
  if (cloud === 'oci' && kind === 'api-signing-key') return 'The new API key is verified with a real call signed by its private key before the old key is touched.';
  return `${CLOUD_NAMES[cloud]} accepts no call signed by this kind of key, so the new key is verified as active and listed before the old key is touched.`;
}

/**
 * Plans the rotation of some keys of one user: for each key, what is created, deactivated and
 * deleted, in which order, and whether another key must go first because the user is at the
 * per-user limit. Nothing is called; the plan is shown to the user, who agrees or not.
 */
export function planRotation(input: PlanInput): RotationPlan {
  const items: KeyRotationPlan[] = [];
  const blocked: { key: KeyRef; reason: string }[] = [];
  const rotating = new Set(input.keys.map((k) => k.id));
  const ordered = [...input.keys].sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0));
  const used = new Map<KeyKind, number>();
  const removed = new Set<string>();
  for (const key of input.keysOfUser) used.set(key.kind, (used.get(key.kind) ?? 0) + 1);

  for (const key of ordered) {
    const caps = input.capabilities(key.kind);
    if (caps.maxKeysPerUser <= 0) {
      blocked.push({ key: toKeyRef(key), reason: `${CLOUD_NAMES[input.account.cloud]} has no keys of this kind to rotate.` });
      continue;
    }
    if (input.mode === 'renew' && caps.canRenew) {
      items.push(renewPlanItem(input, key));
      continue;
    }
    const notes: string[] = [];
    if (caps.canRenew) notes.push(RENEW_INSTEAD_NOTE);
    let makeRoom: KeyRef | undefined;
    let count = used.get(key.kind) ?? 0;
    if (count >= caps.maxKeysPerUser) {
      const others = input.keysOfUser
        .filter((k) => k.kind === key.kind && !rotating.has(k.id) && !removed.has(k.id))
        .sort((a, b) => (a.state === 'inactive' ? 0 : 1) - (b.state === 'inactive' ? 0 : 1) || (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0));
      const candidate = others[0];
      if (!candidate) {
        blocked.push({
          key: toKeyRef(key),
          reason: `${input.user.name} has ${count} of ${caps.maxKeysPerUser} keys allowed and every one of them is being rotated: rotate them one at a time, or delete one first.`,
        });
        continue;
      }
      makeRoom = toKeyRef(candidate);
      removed.add(candidate.id);
      count -= 1;
      notes.push(
        `${input.user.name} has ${caps.maxKeysPerUser} of ${caps.maxKeysPerUser} keys allowed: key ${label(candidate)} (${candidate.state}) is deleted first to make room. Anything still using it stops working.`,
      );
    }
    const deactivateOld = caps.canDeactivate;
    const spec = newKeySpec(input, key, caps);
    notes.push(`A new key is created and its secret is saved in VS Code secret storage before anything else.`);
    notes.push(verificationNote(input.account.cloud, key.kind));
    notes.push(
      key.kind === 'api-signing-key'
        ? 'OCI config profiles Cloud Keys wrote for the old key get the new fingerprint and a new private key file next to the old one (the old file is left in place).'
        : 'Exports Cloud Keys made of the old key (AWS profiles, .env files, the terminal) are switched to the new key.',
    );
    if (!caps.canDeactivate) {
      notes.push(`${CLOUD_NAMES[input.account.cloud]} cannot deactivate this kind of key: the old key stays active until it is deleted.`);
    } else {
      notes.push('The old key is then deactivated.');
    }
    if (input.grace.kind === 'now') {
      notes.push('The old key is deleted as soon as the new one works.');
    } else {
      notes.push(`The old key is deleted after ${input.grace.days} day${input.grace.days === 1 ? '' : 's'}; "Resume Rotations" reminds you and finishes it.`);
      count += 1;
    }
    if (spec.expiresAt) notes.push(`The new key expires on ${spec.expiresAt.slice(0, 10)}.`);
    if (key.kind === 'api-signing-key') notes.push('A new 2048-bit RSA key pair is generated; its private key is kept in VS Code secret storage.');
    used.set(key.kind, count);
    items.push({
      ...planHead(input, key),
      ...(makeRoom ? { makeRoom } : {}),
      deactivateOld,
      grace: input.grace,
      newKey: spec,
      notes,
    });
  }
  return { items, blocked };
}

/** The plan as lines of text for a confirmation dialog or a log line (ids and names only). */
export function describePlan(plan: RotationPlan): string[] {
  const lines: string[] = [];
  for (const [index, item] of plan.items.entries()) {
    lines.push(`${index + 1}. ${item.userName} in ${item.accountLabel}: rotate ${label(item.oldKey)}`);
    for (const note of item.notes) lines.push(`   - ${note}`);
  }
  for (const entry of plan.blocked) lines.push(`Not rotated: ${label(entry.key)}: ${entry.reason}`);
  return lines;
}
