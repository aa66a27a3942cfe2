import type { AccessKey } from '../model/types';

/** What deleting or deactivating a key can really lock out, counted over all of the user's keys. */
export interface LockoutRisk {
  /** The account's own calls are signed with this key: Cloud Keys (and every tool using the same configuration) loses the account. */
  readonly signsWith: boolean;
  /** No other active key of any kind would be left to the user. */
  readonly lastActive: boolean;
}

export function lockoutRisk(key: AccessKey, keysOfUser: readonly AccessKey[], signsWith?: (key: AccessKey) => boolean): LockoutRisk {
  return {
    signsWith: signsWith?.(key) ?? false,
    lastActive: key.state === 'active' && !keysOfUser.some((k) => k.id !== key.id && k.state === 'active'),
  };
}

/** How many characters of a key without a usable name a person types to confirm. */
export const CONFIRM_TAIL_LENGTH = 6;

/**
 * What a person types to confirm a destructive step on a key: its name where it has one that no
 * other key of the user shares, otherwise the last 6 characters of what the tree shows for it (the
 * fingerprint of an API signing key, the id of others). Never the whole 47-character fingerprint.
 */
export function typedConfirmation(key: AccessKey, keysOfUser: readonly AccessKey[]): { readonly expected: string; readonly what: 'name' | 'tail' } {
  const name = key.displayName?.trim();
  if (name && name.length <= 64 && !keysOfUser.some((k) => k.id !== key.id && k.displayName?.trim() === name)) return { expected: name, what: 'name' };
  const shown = key.kind === 'api-signing-key' ? (key.fingerprint ?? key.id) : key.id;
  return { expected: shown.slice(-CONFIRM_TAIL_LENGTH), what: 'tail' };
}
