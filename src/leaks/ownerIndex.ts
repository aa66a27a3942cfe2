import { indexKey } from '../keyMatching/indexKeys';
import { KeyIndex } from '../keyMatching/keyIndex';
import type { Secret } from '../model/secret';
import type { AccessKey, CloudId } from '../model/types';
import type { LeakOwner } from './types';

/** One user's keys as the account browser holds them, with the names to show. */
export interface ListedKeys {
  readonly account: { readonly id: string; readonly label: string; readonly cloud: CloudId };
  readonly user: { readonly id: string; readonly name: string };
  readonly keys: readonly AccessKey[];
}

const uid = (accountId: string, key: Pick<AccessKey, 'kind' | 'id'>) => `${accountId}|${key.kind}|${key.id}`;

/**
 * The user's keys as a `KeyIndex` of owners, kept up to date from the account browser's cache
 * without a call: ids and fingerprints as they are, secrets (read from SecretStorage) as keyed
 * hashes only. An index never forgets a value, so a key the cloud no longer lists stays findable,
 * its owner marked `deleted`.
 */
export class OwnerIndex {
  readonly index = new KeyIndex<LeakOwner>();
  readonly #owners = new Map<string, LeakOwner>();
  readonly #withSecret = new Set<string>();
  readonly #listings = new WeakSet<readonly AccessKey[]>();
  #version = 0;

  /** Grows on every change, so a caller can tell that earlier findings may be stale. */
  get version(): number {
    return this.#version;
  }

  get size(): number {
    return this.#owners.size;
  }

  owners(): LeakOwner[] {
    return [...this.#owners.values()];
  }

  /**
   * Takes in the listings: new keys are indexed, known ones get their state and names, keys a
   * re-listed user no longer has become `deleted`. `secretOf` is asked only for keys of a listing
   * not seen before whose secret is not indexed yet.
   */
  async update(listings: readonly ListedKeys[], secretOf: (key: AccessKey) => Promise<Secret | undefined>): Promise<void> {
    let changed = false;
    for (const { account, user, keys } of listings) {
      const fresh = !this.#listings.has(keys);
      this.#listings.add(keys);
      const present = new Set<string>();
      for (const key of keys) {
        const id = uid(account.id, key);
        present.add(id);
        let owner = this.#owners.get(id);
        if (!owner) {
          owner = {
            cloud: account.cloud,
            accountId: account.id,
            accountLabel: account.label,
            userId: user.id,
            userName: user.name,
            keyId: key.id,
            keyKind: key.kind,
            keyLabel: key.displayName ?? key.id,
            state: key.state,
            createdAt: key.createdAt?.getTime(),
          };
          this.#owners.set(id, owner);
          indexKey(this.index, key, owner);
          changed = true;
        } else if (owner.state !== key.state || owner.accountLabel !== account.label || owner.userName !== user.name) {
          Object.assign(owner, { state: key.state, accountLabel: account.label, userName: user.name, keyLabel: key.displayName ?? key.id });
          changed = true;
        }
        if (fresh && key.kind !== 'api-signing-key' && !this.#withSecret.has(id)) {
          const secret = await secretOf(key);
          if (secret && !secret.isEmpty()) {
            this.index.addSecret(secret, owner);
            this.#withSecret.add(id);
            changed = true;
          }
        }
      }
      if (fresh) {
        for (const [id, owner] of this.#owners) {
          if (
            owner.accountId === account.id &&
            owner.userId === user.id &&
            !present.has(id) &&
            owner.state !== 'deleted' &&
            owner.keyKind !== 'api-token'
          ) {
            owner.state = 'deleted';
            changed = true;
          }
        }
      }
    }
    if (changed) this.#version++;
  }

  /** An account's API token (IONOS), found as a keyed hash like a key's secret. */
  addAccountToken(account: ListedKeys['account'], token: Secret): void {
    const id = `${account.id}|api-token`;
    if (this.#withSecret.has(id) || token.isEmpty()) return;
    const owner: LeakOwner = {
      cloud: account.cloud,
      accountId: account.id,
      accountLabel: account.label,
      userId: '',
      userName: '',
      keyId: account.id,
      keyKind: 'api-token',
      keyLabel: 'API token',
      state: 'active',
    };
    this.#owners.set(id, owner);
    this.index.addSecret(token, owner);
    this.#withSecret.add(id);
    this.#version++;
  }
}
