/** The cloud-neutral model every layer above the adapters speaks. */

/** The clouds, the one list of them: `CloudId`, and its one schema (`CloudIdSchema`, src/model/schemas.ts), derive from it. */
export const CLOUD_IDS = ['oci', 'outscale', 'ionos'] as const;
export type CloudId = (typeof CLOUD_IDS)[number];

/** Each cloud's name as users know it, in every message and view. */
export const CLOUD_NAMES: Readonly<Record<CloudId, string>> = { oci: 'OCI', outscale: 'OUTSCALE', ionos: 'IONOS Cloud' };

/**
 * What a key is: an S3-style access key pair owned by a user, a public key used to sign API
 * requests, or an S3-style access key owned by the contract rather than a user (IONOS Object
 * Storage Management API), which has a resource id of its own and can be renewed.
 */
export const KEY_KINDS = ['access-key', 'api-signing-key', 'object-storage-access-key'] as const;
export type KeyKind = (typeof KEY_KINDS)[number];

/** Kinds whose id and secret are S3 credentials (exported as AWS profiles and `.env` files). */
export function isS3CredentialKind(kind: KeyKind): boolean {
  return kind !== 'api-signing-key';
}

/** Where one key is, across accounts: its account, user, id and kind; nothing secret. */
export interface KeyAddress {
  readonly accountId: string;
  readonly userId: string;
  readonly keyId: string;
  readonly kind: KeyKind;
}

export const KEY_STATES = ['active', 'inactive', 'creating', 'deleting', 'failed', 'unknown'] as const;
/** `failed`: the cloud could not provision the key (`AccessKey.stateMessage` says why). */
export type KeyState = (typeof KEY_STATES)[number];

/** Where an account's credentials come from. */
export type AccountOrigin =
  | { readonly kind: 'config-file'; readonly path: string; readonly profile: string }
  | { readonly kind: 'environment'; readonly variables: readonly string[] }
  /** Typed in by hand: secret fields live in the CredentialStore under `manualCredentialName(id)`. */
  | { readonly kind: 'manual' };

export interface Account {
  /** Stable across sessions: the cloud plus the profile or credential source, e.g. `oci:/home/me/.oci/config#DEFAULT`. */
  readonly id: string;
  readonly cloud: CloudId;
  /** What the user calls it: the profile name, or a name they typed. */
  readonly label: string;
  /** Where it came from, for tooltips: a config file path, environment variables, or "entered by hand". */
  readonly source: string;
  readonly origin: AccountOrigin;
  readonly region?: string;
  /** The API endpoint calls go to, when it is not the cloud's default. */
  readonly endpoint?: string;
  /** Cloud-specific, non-secret fields (a tenancy OCID, a user OCID, a key fingerprint, a contract number). */
  readonly details?: Readonly<Record<string, string>>;
}

/** The CredentialStore name under which a hand-entered account's secret fields are kept, as one JSON object. */
export function manualCredentialName(accountId: string): string {
  return `account/${accountId}`;
}

export interface CloudUser {
  readonly id: string;
  readonly accountId: string;
  readonly name: string;
  /** True for the identity the account's credentials belong to. */
  readonly isCaller: boolean;
  readonly email?: string;
  /** True for a caller the cloud cannot name (an IONOS token): it stands for "you" but has no keys to list. */
  readonly placeholder?: boolean;
  /**
   * The kinds of key this entry holds, where not the cloud's usual ones: IONOS lists the contract's
   * Object Storage access keys under an entry of their own, which holds only those.
   */
  readonly keyKinds?: readonly KeyKind[];
  /** True for a user the cloud marks inactive (blocked): it cannot sign in or call the API with its keys. */
  readonly inactive?: boolean;
  /** Something the user should know about this user's listing, shown with it (e.g. why other users are missing). */
  readonly note?: string;
}

export interface AccessKey {
  /** For access keys, the public access key id; for API signing keys, the cloud's key id. */
  readonly id: string;
  readonly accountId: string;
  readonly userId: string;
  readonly kind: KeyKind;
  readonly state: KeyState;
  readonly displayName?: string;
  readonly createdAt?: Date;
  readonly expiresAt?: Date;
  readonly lastUsedAt?: Date;
  /** For API signing keys: the fingerprint of the public key. */
  readonly fingerprint?: string;
  /** For API signing keys, where the cloud returns it: the public key (PEM), e.g. for Terraform's `key_value`. */
  readonly publicKeyPem?: string;
  /** The cloud's id of the key resource where it differs from `id` (IONOS Object Storage access keys: a UUID). */
  readonly resourceId?: string;
  /** What the cloud says about the state, e.g. why a key `failed`. */
  readonly stateMessage?: string;
  /** True for a key the cloud marks administrative (IONOS: it can create buckets and set bucket policies). */
  readonly administrative?: boolean;
  /** The regions the key works in, where the cloud lists them. */
  readonly regions?: readonly string[];
}

/** What a cloud offers for a kind of key it does not have: nothing. */
export const NO_KEYS: KeyCapabilities = {
  maxKeysPerUser: 0,
  canDeactivate: false,
  canExpire: false,
  canRename: false,
  secretReadableLater: false,
  mustDeactivateBeforeDelete: false,
};

export interface KeyCapabilities {
  readonly maxKeysPerUser: number;
  readonly canDeactivate: boolean;
  readonly canExpire: boolean;
  readonly canRename: boolean;
  /** True where the cloud returns the secret on later reads (IONOS), not only at creation. */
  readonly secretReadableLater: boolean;
  /** True where a key must be inactive before it can be deleted. */
  readonly mustDeactivateBeforeDelete: boolean;
  /** True where the cloud can give a key a new secret while it keeps its id (`CloudProvider.renewKey`). */
  readonly canRenew?: boolean;
}
