import type { CloudId, KeyKind, KeyState } from '../model/types';

/** What a finding is: a key's id, its secret, an OCI fingerprint, a PEM private key, or an IONOS API token. */
export type LeakPart = 'key-id' | 'secret' | 'fingerprint' | 'private-key' | 'token';

/**
 * Whose a found value is, from the user's own inventory: nothing secret. Mutable on purpose: the
 * inventory updates a key's state in place (`deleted` when a re-read no longer lists it), and the
 * index that points to it keeps finding it.
 */
export interface LeakOwner {
  readonly cloud: CloudId;
  readonly accountId: string;
  accountLabel: string;
  readonly userId: string;
  userName: string;
  /** The key's id; for an account's API token, the account id. */
  readonly keyId: string;
  readonly keyKind: KeyKind | 'api-token';
  keyLabel: string;
  state: KeyState | 'deleted';
  /** Milliseconds since the epoch. */
  createdAt?: number;
}

/** One credential found in a text; never the value itself. */
export interface Leak {
  /** Offsets in the text (UTF-16 units), end exclusive. */
  readonly start: number;
  readonly end: number;
  /** 0-based line and character of `start` and `end`, as an editor counts them. */
  readonly range: { readonly startLine: number; readonly startCharacter: number; readonly endLine: number; readonly endCharacter: number };
  readonly part: LeakPart;
  /** The clouds whose shape it has (the owner's cloud when known). */
  readonly clouds: readonly CloudId[];
  /** The key it belongs to, when it is one of the user's. */
  readonly owner?: LeakOwner;
  /** For a secret whose own value is not known: the user's key whose id is written next to it. */
  readonly probableOwner?: LeakOwner;
  /** The identifier the value is assigned to on its line, when there is one (e.g. `OSC_SECRET_KEY`). */
  readonly name?: string;
}
