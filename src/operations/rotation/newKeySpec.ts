import { cloudDescriptor } from '../../clouds/descriptors';
import type { AccessKey, CloudId, KeyCapabilities } from '../../model/types';
import type { NewKeySpec } from './types';

const DAY_MS = 86_400_000;

export interface NewKeyInput {
  readonly cloud: CloudId;
  /** Days until a new OUTSCALE key expires (`cloudKeys.outscale.defaultKeyExpiryDays`); 0 or undefined for no expiry. */
  readonly outscaleExpiryDays?: number;
  readonly now: number;
}

function days(ms: number): number {
  return Math.max(1, Math.round(ms / DAY_MS));
}

/**
 * When the new OUTSCALE key expires, and the sentence that says why. The old key's lifetime
 * (expiry minus creation) is carried over, counted from now: that is the expiry policy someone
 * set, so the new key gets as long as the old one was given. The old key's *remaining* lifetime
 * was not chosen: it shrinks at every rotation and would give a key rotated the day before it
 * expires a one-day life. Without an expiry on the old key, or without its creation date, the
 * `defaultKeyExpiryDays` setting applies, as for any new key.
 */
function outscaleExpiry(input: NewKeyInput, key: AccessKey): { expiresAt?: string; note?: string } {
  if (key.expiresAt && key.createdAt && key.expiresAt.getTime() > key.createdAt.getTime()) {
    const lifetime = key.expiresAt.getTime() - key.createdAt.getTime();
    const expiresAt = new Date(input.now + lifetime).toISOString();
    return {
      expiresAt,
      note: `The new key expires on ${expiresAt.slice(0, 10)}: the old key's lifetime of ${days(lifetime)} days is carried over.`,
    };
  }
  const fallback = input.outscaleExpiryDays;
  if (fallback && fallback > 0) {
    const expiresAt = new Date(input.now + fallback * DAY_MS).toISOString();
    const why = key.expiresAt ? 'the old key has no creation date to measure its lifetime, so' : 'the old key has no expiry, so';
    return {
      expiresAt,
      note: `The new key expires on ${expiresAt.slice(0, 10)}: ${why} the default expiry setting (${fallback} days) applies.`,
    };
  }
  if (key.expiresAt)
    return {
      note: 'The new key has no expiry: the old key has no creation date to measure its lifetime, and the default expiry setting is off.',
    };
  return {};
}

/** What the new key is created with, and a sentence for the plan where its expiry needs one. */
export function newKeySpec(input: NewKeyInput, key: AccessKey, caps: KeyCapabilities): { spec: NewKeySpec; expiryNote?: string } {
  const day = new Date(input.now).toISOString().slice(0, 10);
  const spec: { displayName?: string; expiresAt?: string; keyBits?: 2048 | 4096 } = {};
  let expiryNote: string | undefined;
  if (caps.canRename) spec.displayName = key.displayName ? `${key.displayName} (rotated ${day})` : `rotated ${day}`;
  if (cloudDescriptor(input.cloud).rotationCarriesExpiry && caps.canExpire) {
    const expiry = outscaleExpiry(input, key);
    if (expiry.expiresAt) spec.expiresAt = expiry.expiresAt;
    expiryNote = expiry.note;
  }
  if (key.kind === 'api-signing-key') spec.keyBits = 2048;
  return { spec, ...(expiryNote ? { expiryNote } : {}) };
}
