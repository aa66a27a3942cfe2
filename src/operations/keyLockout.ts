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

/** How many characters (hex digits, for a fingerprint) of a key without a usable name a person types to confirm. */
export const CONFIRM_TAIL_LENGTH = 6;

export interface TypedConfirmation {
  /** What the prompt shows: the name, the last 6 characters of the id, or the fingerprint's last 3 groups (6 hex digits). */
  readonly expected: string;
  readonly what: 'name' | 'id-tail' | 'fingerprint-tail';
  /** Whether what the person typed confirms (a fingerprint's colons and letter case do not matter). */
  matches(typed: string): boolean;
}

const bare = (text: string) => text.replace(/:/g, '').trim().toLowerCase();

/**
 * What a person types to confirm a destructive step on a key: its name where it has one that no
 * other key of the user shares; for an API signing key the end of its fingerprint ("f9:36:76");
 * otherwise the last 6 characters of its id. Never the whole 47-character fingerprint.
 */
export function typedConfirmation(key: AccessKey, keysOfUser: readonly AccessKey[]): TypedConfirmation {
  const name = key.displayName?.trim();
  if (name && name.length <= 64 && !keysOfUser.some((k) => k.id !== key.id && k.displayName?.trim() === name)) {
    return { expected: name, what: 'name', matches: (typed) => typed.trim() === name };
  }
  if (key.kind === 'api-signing-key' && key.fingerprint && /^[0-9a-f]{2}(:[0-9a-f]{2})+$/i.test(key.fingerprint)) {
    const expected = key.fingerprint
      .split(':')
      .slice(-CONFIRM_TAIL_LENGTH / 2)
      .join(':');
    return { expected, what: 'fingerprint-tail', matches: (typed) => bare(typed) === bare(expected) };
  }
  const expected = key.id.slice(-CONFIRM_TAIL_LENGTH);
  return { expected, what: 'id-tail', matches: (typed) => typed.trim().toLowerCase() === expected.toLowerCase() };
}
