import type { CreateKeyOptions } from '../../clouds/provider';
import type { AccessKey, CloudId, CloudUser, KeyCapabilities, KeyKind, KeyState } from '../../model/types';

/** The steps of one key's rotation, in order. The journal records which ones are done. */
export const ROTATION_STEPS = ['preflight', 'make-room', 'create', 'verify', 'update-exports', 'deactivate-old', 'delete-old'] as const;
export type RotationStep = (typeof ROTATION_STEPS)[number];

/** What the journal and the plan keep of a key: ids and names, never a secret. */
export interface KeyIdentity {
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
  readonly oldKey: KeyIdentity;
  /** `replace` when absent. */
  readonly mode?: RotationMode;
  /**
   * A key deleted before the new one is created because the user is at the per-user limit; only
   * ever the one the user chose (it may be the old key itself, see `RoomCandidate`).
   */
  readonly makeRoom?: KeyIdentity;
  /** Where the user chose `makeRoom`: the choice they had, to show it again with their answer. */
  readonly room?: RoomNeeded;
  /** Whether the old key is deactivated once the new one works (false where the cloud cannot deactivate). */
  readonly deactivateOld: boolean;
  readonly grace: GracePeriod;
  readonly newKey: NewKeySpec;
  /** Why the new key expires when it does (OUTSCALE: the old key's lifetime carried over, or the default). */
  readonly expiryNote?: string;
  /** What a person should know before agreeing, one sentence each. */
  readonly notes: readonly string[];
}

/** A key the user may delete to make room under the per-user limit, with what stops working if they do. */
export interface RoomCandidate {
  readonly key: KeyIdentity;
  /** Safest first: an inactive key, the key being rotated (downtime until the switch), another active key. */
  readonly choice: 'inactive' | 'rotated-key' | 'other-active';
  readonly state: KeyState;
  /** "412 days old", where the cloud gives a creation date. */
  readonly age?: string;
  /** The exports Cloud Keys made of it (AWS profiles, .env files, OCI profiles, the terminal). */
  readonly uses: readonly string[];
  /** What stops working if it is deleted, one sentence. */
  readonly stops: string;
  /** The key with its state, age and known uses, one line. */
  readonly summary: string;
}

/** A key that can be rotated only once the user chooses which key to delete to make room. */
export interface RoomNeeded {
  readonly key: KeyIdentity;
  readonly used: number;
  readonly limit: number;
  /** In the order they should be offered (see `RoomCandidate.choice`). */
  readonly candidates: readonly RoomCandidate[];
}

export interface RotationPlan {
  readonly items: readonly KeyRotationPlan[];
  /** Keys that cannot be rotated as asked, with the reason; they are not in `items`. */
  readonly blocked: readonly { readonly key: KeyIdentity; readonly reason: string }[];
  /** Keys at the per-user limit waiting for the user's choice of a key to delete; they are not in `items`. */
  readonly needsRoom: readonly RoomNeeded[];
}

export function createOptionsOf(spec: NewKeySpec): CreateKeyOptions {
  return {
    ...(spec.displayName !== undefined ? { displayName: spec.displayName } : {}),
    ...(spec.expiresAt !== undefined ? { expiresAt: new Date(spec.expiresAt) } : {}),
    ...(spec.keyBits !== undefined ? { keyBits: spec.keyBits } : {}),
  };
}

/** What the rotation planner (`planner.ts`) plans from. */
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
  /** Days until a new OUTSCALE key expires when the old key's lifetime cannot be carried over; 0 or undefined for no expiry. */
  readonly outscaleExpiryDays?: number;
  /**
   * The user's explicit choice, per key to rotate (by id), of the key to delete to make room when
   * the user is at the per-user limit. Without a choice such a key is not planned: it is listed in
   * `needsRoom` with the candidates to offer. The planner never picks one itself.
   */
  readonly makeRoom?: Readonly<Record<string, string>>;
  /** The known uses of a key (the exports Cloud Keys made of it), named with each candidate. */
  readonly usesOf?: (keyId: string) => readonly string[];
  /** True for the key the account's own calls are signed with; it is never offered for deletion. */
  readonly signsWith?: (key: AccessKey) => boolean;
  readonly now: number;
}
