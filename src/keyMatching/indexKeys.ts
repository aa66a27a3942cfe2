import type { Secret } from '../model/secret';
import type { AccessKey, KeyAddress } from '../model/types';
import { KeyIndex } from './keyIndex';

/** Which key a match belongs to, and what a person calls it (its display name or id); nothing secret. */
export interface LabelledKeyAddress extends KeyAddress {
  readonly label: string;
}

export function labelledKeyAddressOf(key: AccessKey): LabelledKeyAddress {
  return { accountId: key.accountId, userId: key.userId, keyId: key.id, kind: key.kind, label: key.displayName ?? key.id };
}

/**
 * Adds a key's findable values to an index: its id (an API signing key's id is its fingerprint, so
 * that also finds the private key files whose public half it is), its resource id where the cloud
 * has one, and its secret, when it is known, as a keyed hash only.
 */
export function indexKey<R>(index: KeyIndex<R>, key: AccessKey, ref: R, secret?: Secret): void {
  if (key.kind === 'api-signing-key') {
    index.addLiteral(key.fingerprint ?? key.id, 'fingerprint', ref);
  } else {
    index.addLiteral(key.id, 'key-id', ref);
    if (key.resourceId && key.resourceId !== key.id) index.addLiteral(key.resourceId, 'key-id', ref);
    // An API signing key's secret is its private key: found through its fingerprint instead.
    if (secret && !secret.isEmpty()) index.addSecret(secret, ref);
  }
}

/** An index of the given keys and the secrets known for them. */
export function indexOfKeys(keys: readonly { readonly key: AccessKey; readonly secret?: Secret }[]): KeyIndex<LabelledKeyAddress> {
  const index = new KeyIndex<LabelledKeyAddress>();
  for (const { key, secret } of keys) indexKey(index, key, labelledKeyAddressOf(key), secret);
  return index;
}
