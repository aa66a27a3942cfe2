import type { CreateKeyOptions } from '../../clouds/provider';
import type { CloudId, KeyKind } from '../../model/types';

/** The steps of one key's rotation, in order. The journal records which ones are done. */
export const ROTATION_STEPS = ['preflight', 'make-room', 'create', 'verify', 'update-exports', 'deactivate-old', 'delete-old'] as const;
export type RotationStep = (typeof ROTATION_STEPS)[number];

/** What the journal and the plan keep of a key: ids and names, never a secret. */
export interface KeyRef {
  readonly id: string;
  readonly kind: KeyKind;
  readonly displayName?: string;
  readonly fingerprint?: string;
}

/**
 * How a key is rotated: `replace` creates a new key, then retires the old one (both work in between);
 * `renew` gives the same key a new secret (`CloudProvider.renewKey`), and the old secret stops at once.
 */
export type RotationMode = 'replace' | 'renew';

/** When the old key is deleted: right after the new one works, or after some days (with a reminder). */
export type GracePeriod = { readonly kind: 'now' } | { readonly kind: 'later'; readonly days: number };

/** What the new key is created with (no secret: a generated key pair's private half is a secret and stays out). */
export interface NewKeySpec {
  readonly displayName?: string;
  /** ISO 8601; OUTSCALE only. */
  readonly expiresAt?: string;
  readonly keyBits?: 2048 | 4096;
}

/** The plan for one key, shown to the user before anything happens. */
export interface KeyRotationPlan {
  /** A fresh id for this rotation; the journal entry has the same id. */
  readonly id: string;
  readonly accountId: string;
  readonly accountLabel: string;
  readonly cloud: CloudId;
  readonly userId: string;
  readonly userName: string;
  readonly oldKey: KeyRef;
  /** `replace` when absent. */
  readonly mode?: RotationMode;
  /** A key deleted before the new one is created because the user is at the per-user limit (the user agreed in the plan). */
  readonly makeRoom?: KeyRef;
  /** Whether the old key is deactivated once the new one works (false where the cloud cannot deactivate). */
  readonly deactivateOld: boolean;
  readonly grace: GracePeriod;
  readonly newKey: NewKeySpec;
  /** What a person should know before agreeing, one sentence each. */
  readonly notes: readonly string[];
}

export interface RotationPlan {
  readonly items: readonly KeyRotationPlan[];
  /** Keys that cannot be rotated as asked, with the reason; they are not in `items`. */
  readonly blocked: readonly { readonly key: KeyRef; readonly reason: string }[];
}

export function createOptionsOf(spec: NewKeySpec): CreateKeyOptions {
  return {
    ...(spec.displayName !== undefined ? { displayName: spec.displayName } : {}),
    ...(spec.expiresAt !== undefined ? { expiresAt: new Date(spec.expiresAt) } : {}),
    ...(spec.keyBits !== undefined ? { keyBits: spec.keyBits } : {}),
  };
}
